import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { HumanText, Id, Instant } from '../shared/primitives.js';
import { postTargetRefV1Fields } from './post-target-ref.v1.js';

/** Chorus cannot tell whether a post went out on one channel; a person must check before anything retries. */
export const postNeedsReviewV1 = defineEvent({
  type: 'PostNeedsReview',
  version: 1,
  source: 'content',
  payload: z
    .object({
      ...postTargetRefV1Fields,
      attemptId: Id,
      attemptedAt: Instant,
      reason: z.object({
        code: z.enum(['outcome-unknown', 'lookup-unsupported', 'duplicate-suspected']),
        message: HumanText.describe('What is uncertain'),
        action: HumanText.describe('What to check on the network, and how to tell Chorus the outcome'),
      }),
    })
    .describe('The outcome of a publish attempt is ambiguous; never retried blindly'),
});

export type PostNeedsReviewV1 = PayloadOf<typeof postNeedsReviewV1>;
