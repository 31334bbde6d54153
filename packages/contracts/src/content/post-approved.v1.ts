import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id, Slug } from '../shared/primitives.js';

/** One approval step of a post was granted; the post is fully approved when step equals totalSteps. */
export const postApprovedV1 = defineEvent({
  type: 'PostApproved',
  version: 1,
  source: 'content',
  payload: z
    .object({
      postId: Id,
      step: z.int().positive(),
      totalSteps: z.int().positive(),
      approvedById: Id,
      approverRole: Slug.describe("The role the approver acted in, e.g. 'client-approver'"),
    })
    .superRefine((approval, ctx) => {
      if (approval.step > approval.totalSteps) {
        ctx.addIssue({ code: 'custom', path: ['step'], message: 'must not exceed totalSteps' });
      }
    })
    .describe('An approval step was granted'),
});

export type PostApprovedV1 = PayloadOf<typeof postApprovedV1>;
