import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { checkGoalStateV1, goalStateV1Fields } from './goal-state.v1.js';

const GOAL_FIELDS = [
  'title',
  'metric',
  'baseline',
  'target',
  'startsAt',
  'deadline',
  'timeZone',
  'scope',
  'ownerId',
  'status',
] as const;

/** A goal was edited, paused or resumed; carries the whole goal after the change. */
export const goalChangedV1 = defineEvent({
  type: 'GoalChanged',
  version: 1,
  source: 'strategy',
  payload: z
    .object({
      ...goalStateV1Fields,
      changedFields: z
        .array(z.enum(GOAL_FIELDS))
        .min(1)
        .describe('What this change touched, for notifications'),
    })
    .superRefine(checkGoalStateV1)
    .describe('The whole goal after the change, plus the names of the fields that changed'),
});

export type GoalChangedV1 = PayloadOf<typeof goalChangedV1>;
