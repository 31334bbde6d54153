import { z } from 'zod';
import type { EvergreenView } from '../../../application/queries/get-evergreen/get-evergreen.query.js';
import {
  EVERGREEN_MAX_GAP_DAYS,
  EVERGREEN_MAX_TIMES,
  type EvergreenSetting,
} from '../../../domain/evergreen/evergreen-setting.value-object.js';
import { ProblemDto } from './post.dto.js';

export const EvergreenBody = z.strictObject({
  minGapDays: z
    .int()
    .min(1)
    .max(EVERGREEN_MAX_GAP_DAYS)
    .describe('At least this many days between one appearance and the next'),
  maxTimes: z.int().min(1).max(EVERGREEN_MAX_TIMES).describe('How many times it comes back, at most'),
  endsAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .default(null)
    .describe('No re-queue is scheduled at or after this instant; null: no end'),
});

export type EvergreenBody = z.infer<typeof EvergreenBody>;

export const EvergreenDto = z.object({
  postId: z.uuid(),
  active: z.boolean(),
  minGapDays: z.int(),
  maxTimes: z.int(),
  endsAt: z.iso.datetime().nullable(),
  requeued: z.int().describe('Re-queues made so far'),
  stoppedReason: z
    .string()
    .nullable()
    .describe('Why it stopped (a person, the limit, the end); null while active'),
  problems: z.array(ProblemDto).describe('What kept the last run from re-queueing it'),
  updatedAt: z.iso.datetime(),
  updatedBy: z.uuid(),
  requeues: z.array(
    z.object({
      postId: z.uuid(),
      requeue: z.int(),
      status: z.enum(['draft', 'scheduled']),
      publishAt: z.iso.datetime().nullable(),
    }),
  ),
});

export function toEvergreenDto(
  setting: EvergreenSetting,
  view?: EvergreenView,
): z.infer<typeof EvergreenDto> {
  return {
    postId: setting.postId,
    active: setting.active,
    minGapDays: setting.minGapDays,
    maxTimes: setting.maxTimes,
    endsAt: setting.endsAt?.toISOString() ?? null,
    requeued: setting.requeued,
    stoppedReason: setting.stoppedReason,
    problems: setting.lastProblems.map((p) => ({ field: p.field, problem: p.problem })),
    updatedAt: setting.updatedAt.toISOString(),
    updatedBy: setting.updatedBy,
    requeues: (view?.requeues ?? []).map((r) => ({
      postId: r.postId,
      requeue: r.requeue,
      status: r.status,
      publishAt: r.publishAt?.toISOString() ?? null,
    })),
  };
}
