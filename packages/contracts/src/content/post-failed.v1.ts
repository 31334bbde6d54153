import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { HumanText, Id } from '../shared/primitives.js';
import { postTargetRefV1Fields } from './post-target-ref.v1.js';

/** A post definitely did not go out on one channel and will not be retried without a person. */
export const postFailedV1 = defineEvent({
  type: 'PostFailed',
  version: 1,
  source: 'content',
  payload: z
    .object({
      ...postTargetRefV1Fields,
      attemptId: Id,
      attempts: z.int().positive(),
      reason: z.object({
        code: z.enum([
          'invalid-content',
          'reauth-required',
          'channel-disconnected',
          'media-unavailable',
          'rejected-by-network',
          'retries-exhausted',
        ]),
        message: HumanText.describe('What went wrong, in words a social media manager understands'),
        action: HumanText.describe('What to do about it, e.g. "Reconnect the channel, then publish again."'),
      }),
    })
    .describe('Publishing failed for good; a person must act'),
});

export type PostFailedV1 = PayloadOf<typeof postFailedV1>;
