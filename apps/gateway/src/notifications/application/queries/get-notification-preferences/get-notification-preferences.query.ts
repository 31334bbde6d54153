import { Query } from '@nestjs/cqrs';
import type { ChannelChoice } from '../../../domain/notification-kind.value-object.js';

export interface KindPreference extends ChannelChoice {
  readonly kind: string;
  readonly description: string | null;
  /** false: the member never chose; these are the kind's defaults. */
  readonly chosen: boolean;
}

/** The member's channels for every known kind and every kind they chose for. */
export class GetNotificationPreferencesQuery extends Query<KindPreference[]> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
  ) {
    super();
  }
}
