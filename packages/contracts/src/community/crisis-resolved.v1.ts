import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id } from '../shared/primitives.js';

/** A crisis is over. */
export const crisisResolvedV1 = defineEvent({
  type: 'CrisisResolved',
  version: 1,
  source: 'community',
  payload: z
    .object({
      crisisId: Id,
      resolution: z.enum(['resolved', 'false-alarm']),
      resumePublishing: z
        .boolean()
        .describe('False: scheduled posts stay paused until a member resumes them one by one'),
      resolvedById: Id.nullable().describe('Null when it subsided on its own'),
    })
    .describe('The crisis is closed'),
});

export type CrisisResolvedV1 = PayloadOf<typeof crisisResolvedV1>;
