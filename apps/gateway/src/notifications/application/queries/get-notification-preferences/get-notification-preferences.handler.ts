import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_STORE } from '../../../notifications.tokens.js';
import { KNOWN_KINDS } from '../../../domain/notification-kind.value-object.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import {
  GetNotificationPreferencesQuery,
  type KindPreference,
} from './get-notification-preferences.query.js';

@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<GetNotificationPreferencesQuery> {
  constructor(@Inject(NOTIFICATION_STORE) private readonly store: NotificationStore) {}

  async execute(query: GetNotificationPreferencesQuery): Promise<KindPreference[]> {
    const stored = await this.store.preferencesOf(query.tenantId, [query.memberId]);
    const known: KindPreference[] = KNOWN_KINDS.map((k) => {
      const chosen = stored.find((p) => p.kind === k.kind);
      return {
        kind: k.kind,
        description: k.description,
        inApp: chosen?.inApp ?? k.defaults.inApp,
        email: chosen?.email ?? k.defaults.email,
        chosen: chosen !== undefined,
      };
    });
    const others: KindPreference[] = stored
      .filter((p) => !KNOWN_KINDS.some((k) => k.kind === p.kind))
      .map((p) => ({ kind: p.kind, description: null, inApp: p.inApp, email: p.email, chosen: true }));
    return [...known, ...others];
  }
}
