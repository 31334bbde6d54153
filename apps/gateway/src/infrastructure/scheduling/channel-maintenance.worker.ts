import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { ChannelAccess } from '../../application/channels/channel-access.adapter.js';
import { RefreshExpiringChannelsCommand } from '../../application/commands/refresh-expiring-channels/refresh-expiring-channels.command.js';
import { RewrapChannelSecretsCommand } from '../../application/commands/rewrap-channel-secrets/rewrap-channel-secrets.command.js';
import { SealTwoFactorSecretsCommand } from '../../application/commands/seal-two-factor-secrets/seal-two-factor-secrets.command.js';
import { CHANNEL_REFRESH_SCHEDULE } from '../../gateway.tokens.js';
import { SealWebhookSecretsCommand } from '../../notifications/application/commands/seal-webhook-secrets/seal-webhook-secrets.command.js';

export interface ChannelRefreshSchedule {
  /** How often the sweep runs. */
  readonly intervalMs: number;
  /** Tokens expiring within this are renewed. Longer than the interval, so none lapses between two passes. */
  readonly horizonMs: number;
}

export const DEFAULT_REFRESH_SCHEDULE: ChannelRefreshSchedule = {
  intervalMs: 60_000,
  horizonMs: 10 * 60_000,
};

/**
 * With a vault configured: re-wraps the vault's secrets (channel credentials, TOTP secrets, webhook signing
 * secrets) still under another master key than the active one (rotation, ADR 0013), and seals TOTP and webhook
 * secrets stored in clear before the vault held them, at start and after each pass of the sweep for tokens
 * about to expire. Every gateway instance sweeps; refresh claims keep them from refreshing one channel twice
 * (ADR 0018).
 */
@Injectable()
export class ChannelMaintenanceWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly access: ChannelAccess,
    private readonly commands: CommandBus,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Optional()
    @Inject(CHANNEL_REFRESH_SCHEDULE)
    private readonly schedule: ChannelRefreshSchedule | false | undefined,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.access.configured) {
      return;
    }
    this.running = this.rewrap();
    const schedule = this.schedule ?? DEFAULT_REFRESH_SCHEDULE;
    if (schedule === false) {
      return;
    }
    this.timer = setInterval(() => {
      // Re-wrapping again each pass catches what a gateway not yet rolled sealed under the old key meanwhile.
      this.running = this.running
        .then(() => this.commands.execute(new RefreshExpiringChannelsCommand(schedule.horizonMs)))
        .catch((error: unknown) => this.fail('refresh sweep', error))
        .then(() => this.rewrap());
    }, schedule.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async rewrap(): Promise<void> {
    const passes = [
      ['channel secrets', new RewrapChannelSecretsCommand()],
      ['two-factor secrets', new SealTwoFactorSecretsCommand()],
      ['webhook signing secrets', new SealWebhookSecretsCommand()],
    ] as const;
    // One failing kind (a key removed too early) must not keep the others under the old key.
    for (const [what, command] of passes) {
      await this.commands
        .execute<typeof command, number | { sealed: number }>(command)
        .then((result) => {
          // The two-factor pass reports its failures itself (by member id) and goes on past them.
          const count = typeof result === 'number' ? result : result.sealed;
          if (count > 0) {
            this.logger.write('info', `${what} sealed or re-wrapped under the active master key`, { count });
          }
        })
        .catch((error: unknown) => this.fail(`re-wrap of ${what}`, error));
    }
  }

  private fail(task: string, error: unknown): void {
    this.logger.write('error', `channel ${task} failed`, {
      reason: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
    });
  }
}
