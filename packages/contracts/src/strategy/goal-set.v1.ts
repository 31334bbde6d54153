import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { checkGoalStateV1, goalStateV1Fields } from './goal-state.v1.js';

/** A strategist set a new goal with a measurable KPI. */
export const goalSetV1 = defineEvent({
  type: 'GoalSet',
  version: 1,
  source: 'strategy',
  payload: z
    .object(goalStateV1Fields)
    .superRefine(checkGoalStateV1)
    .describe('A new goal: what to measure, from where to where, by when, on which channels and audiences'),
});

export type GoalSetV1 = PayloadOf<typeof goalSetV1>;
