import { Command } from '@nestjs/cqrs';
import type { StoredPreference } from '../../ports/notification-store.port.js';

/** Replaces the member's channel choice for each kind named; other kinds keep theirs. */
export class SetNotificationPreferencesCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly preferences: readonly StoredPreference[],
  ) {
    super();
  }
}
