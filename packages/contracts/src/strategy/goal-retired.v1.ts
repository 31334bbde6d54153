import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id } from '../shared/primitives.js';

/** A goal stopped counting: reached, missed, dropped or replaced by another. */
export const goalRetiredV1 = defineEvent({
  type: 'GoalRetired',
  version: 1,
  source: 'strategy',
  payload: z
    .object({
      goalId: Id,
      reason: z.enum(['achieved', 'missed', 'abandoned', 'replaced']),
      replacedByGoalId: Id.nullable().describe("Set when the reason is 'replaced'"),
      retiredById: Id.nullable().describe(
        'The member who retired it; null when retired automatically at the deadline',
      ),
    })
    .superRefine((goal, ctx) => {
      if ((goal.reason === 'replaced') !== (goal.replacedByGoalId !== null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['replacedByGoalId'],
          message: "must be set exactly when the reason is 'replaced'",
        });
      }
    })
    .describe('A goal no longer counts toward the strategy'),
});

export type GoalRetiredV1 = PayloadOf<typeof goalRetiredV1>;
