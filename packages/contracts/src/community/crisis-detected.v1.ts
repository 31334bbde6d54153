import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id } from '../shared/primitives.js';

/** A spike of negative interactions was detected (or a member declared a crisis) for the workspace. */
export const crisisDetectedV1 = defineEvent({
  type: 'CrisisDetected',
  version: 1,
  source: 'community',
  payload: z
    .object({
      crisisId: Id,
      severity: z.enum(['elevated', 'high', 'critical']),
      signal: z
        .object({
          negativeInteractions: z.int().nonnegative(),
          windowMinutes: z.int().positive(),
          usualNegativeInteractions: z.number().nonnegative().describe('The usual count for such a window'),
        })
        .nullable()
        .describe('What tripped detection; null when a member declared the crisis'),
      channelIds: z.array(Id).describe('Channels where the spike is; empty: the whole workspace'),
      pausePublishing: z.boolean().describe("Content pauses the workspace's scheduled posts until resolved"),
      declaredById: Id.nullable().describe('The member who declared it; null when detected automatically'),
    })
    .describe('A crisis is under way'),
});

export type CrisisDetectedV1 = PayloadOf<typeof crisisDetectedV1>;
