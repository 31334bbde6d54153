import { Injectable } from '@nestjs/common';
import type { NotificationSignal } from '../../application/ports/notification-signal.port.js';

/** In-process wake-up after a commit that raised notifications; other processes rely on their poll. */
@Injectable()
export class InProcessNotificationSignal implements NotificationSignal {
  private readonly listeners = new Set<() => void>();

  raised(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }

  onRaised(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
