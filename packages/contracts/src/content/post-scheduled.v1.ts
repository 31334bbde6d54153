import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id, Instant, NetworkId, TimeZone } from '../shared/primitives.js';

/** A post was put on the calendar (or moved); the latest event replaces the previous schedule. */
export const postScheduledV1 = defineEvent({
  type: 'PostScheduled',
  version: 1,
  source: 'content',
  payload: z
    .object({
      postId: Id,
      targets: z
        .array(
          z.object({
            targetId: Id,
            channelId: Id,
            network: NetworkId,
            scheduledFor: Instant,
          }),
        )
        .min(1),
      timeZone: TimeZone.describe('The time zone the member scheduled in'),
      goalIds: z.array(Id),
      campaignId: Id.nullable(),
      pillarId: Id.nullable(),
      scheduledById: Id,
    })
    .describe('When and where a post will go out'),
});

export type PostScheduledV1 = PayloadOf<typeof postScheduledV1>;
