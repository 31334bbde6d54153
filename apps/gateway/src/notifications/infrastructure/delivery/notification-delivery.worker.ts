import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JsonLogger, SERVICE_LOGGER } from '@chorus/service-kit';
import { DeliverDueNotificationsCommand } from '../../application/commands/deliver-due-notifications/deliver-due-notifications.command.js';
import type { NotificationSignal } from '../../application/ports/notification-signal.port.js';
import {
  NOTIFICATION_SETTINGS,
  NOTIFICATION_SIGNAL,
  type NotificationSettings,
} from '../../notifications.tokens.js';

/**
 * Works the delivery queue: every poll interval, and at once when this process raised something. One pass at a
 * time; a full batch is followed by another pass straight away. Every gateway instance runs one.
 */
@Injectable()
export class NotificationDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly commands: CommandBus,
    @Inject(NOTIFICATION_SIGNAL) private readonly signal: NotificationSignal,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Optional() @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings | undefined,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.signal.onRaised(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.settings?.pollIntervalMs ?? 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running;
  }

  private wake(): void {
    if (this.stopped) {
      return;
    }
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    const batch = 20;
    try {
      do {
        this.again = false;
        const attempted = await this.commands.execute(new DeliverDueNotificationsCommand(batch));
        if (attempted === batch) {
          this.again = true;
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.write('error', 'notification delivery pass failed', { error });
    }
  }
}
