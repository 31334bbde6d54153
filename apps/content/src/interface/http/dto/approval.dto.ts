import { z } from 'zod';
import { ROLES } from '@chorus/access';
import type { PostVersion } from '../../../application/ports/approval-repository.port.js';
import type { PostApprovalView } from '../../../application/queries/get-post-approval/get-post-approval.query.js';
import {
  MAX_MEMBERS_PER_STEP,
  MAX_STEPS,
  type ApprovalWorkflow,
} from '../../../domain/approvals/approval-workflow.value-object.js';
import { MAX_CLIENT_CONTACTS } from '../../../domain/approvals/client-contact.value-object.js';
import type { FieldDiff } from '../../../domain/approvals/content-diff.value-object.js';
import type {
  ApprovalDecision,
  PostApprovalProps,
} from '../../../domain/approvals/post-approval.aggregate.js';
import type { PostContent } from '../../../domain/post.aggregate.js';
import { PostDto } from './post.dto.js';

export const ApprovalStepDto = z.strictObject({
  role: z.enum(ROLES).describe('Who decides this step, e.g. client-approver'),
  mode: z
    .enum(['any', 'all'])
    .describe("'any': one holder of the role decides; 'all': every member in memberIds must approve"),
  memberIds: z
    .array(z.uuid())
    .max(MAX_MEMBERS_PER_STEP)
    .default([])
    .describe("For 'all': the members (holding the role) who must all approve; empty for 'any'"),
});

export const ApprovalWorkflowDto = z.strictObject({
  steps: z
    .array(ApprovalStepDto)
    .max(MAX_STEPS)
    .describe('In order; an empty list turns approvals off (the default)'),
});
export type ApprovalWorkflowBody = z.infer<typeof ApprovalWorkflowDto>;

export const DecisionBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(5000).default('').describe('Why; required when rejecting'),
  step: z.int().positive().describe('The step you decide (GET /posts/{id}/approval shows the one awaiting)'),
  version: z.int().positive().describe('The content version you read: a newer one is refused with 409'),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const LinkDecisionBody = DecisionBody.pick({ decision: true, comment: true }).extend({
  token: z.string().min(10).max(2000).describe('The token the approval link carries'),
});
export type LinkDecisionBody = z.infer<typeof LinkDecisionBody>;

export const CreateLinkBody = z.strictObject({
  contactEmail: z
    .email()
    .max(320)
    .describe("One of the workspace's client contacts (GET /approval-contacts): the link is mailed there"),
  expiresInHours: z.int().min(1).max(720).default(72).describe('1 hour to 30 days; default 3 days'),
});
export type CreateLinkBody = z.infer<typeof CreateLinkBody>;

export const ClientContactDto = z.strictObject({
  email: z.email().max(320).describe('Where approval links for this contact are mailed'),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('As your team recognises them in the history ("Maria, Acme marketing")'),
});

export const ClientContactsDto = z.strictObject({
  items: z
    .array(ClientContactDto)
    .max(MAX_CLIENT_CONTACTS)
    .describe('Replaces the list; approval links can be mailed only to these addresses'),
});
export type ClientContactsBody = z.infer<typeof ClientContactsDto>;

export const DiffQueryDto = z.strictObject({
  from: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('The older version; default: the one before `to`'),
  to: z.coerce.number().int().positive().optional().describe('The newer version; default: the latest'),
});

const DecisionDto = z.object({
  round: z.int(),
  version: z.int(),
  step: z.int(),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string(),
  decidedBy: z.uuid().describe('The member, or the approval link for a client approver without an account'),
  role: z.string(),
  via: z.enum(['member', 'link']),
  decidedAt: z.iso.datetime(),
});

export const PostApprovalDto = z.object({
  postId: z.uuid(),
  status: z.enum(['pending', 'approved', 'rejected']),
  round: z.int(),
  version: z.int().describe('The content version this round approves'),
  step: z.int().describe('The step awaiting a decision (pending), or the last one decided'),
  steps: z.array(ApprovalStepDto),
  authorId: z.uuid(),
  submittedBy: z.uuid(),
  submittedAt: z.iso.datetime(),
  decisions: z.array(DecisionDto).describe("This round's decisions"),
});

export const PostApprovalViewDto = z.object({
  approval: PostApprovalDto.nullable().describe('Null when the post was never submitted'),
  workflow: ApprovalWorkflowDto,
  history: z.array(DecisionDto).describe('Every decision of every round, oldest first'),
  blockingReason: z.string().nullable().describe('Why it cannot be scheduled yet; null when it can'),
});

export const VersionContentDto = PostDto.pick({
  text: true,
  media: true,
  firstComment: true,
  thread: true,
  targets: true,
  contentType: true,
  tags: true,
  campaignId: true,
  pillarKey: true,
  goalIds: true,
});

export const PostVersionListDto = z.object({
  items: z.array(
    z.object({
      version: z.int(),
      createdAt: z.iso.datetime(),
      createdBy: z.uuid(),
      content: VersionContentDto,
    }),
  ),
});

export const VersionDiffDto = z.object({
  from: z.int(),
  to: z.int(),
  changes: z.array(
    z.object({
      field: z.string().describe('text, firstComment, thread.0.text, targets.<channelId>.text, tags, ...'),
      before: z.string().nullable(),
      after: z.string().nullable(),
      lines: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
    }),
  ),
});

export const CreatedLinkDto = z.object({
  linkId: z.uuid(),
  sentTo: z
    .string()
    .describe('The client contact the link was mailed to; the link itself is in that mail only'),
  step: z.int(),
  version: z.int(),
  expiresAt: z.iso.datetime(),
});

export const ApprovalLinkViewDto = z.object({
  postId: z.uuid(),
  step: z.int(),
  totalSteps: z.int(),
  version: z.int(),
  recipient: z.string(),
  expiresAt: z.iso.datetime(),
  content: VersionContentDto.describe('The post as it will be approved: read-only'),
});

export const LinkDecisionResultDto = z.object({
  status: z.enum(['pending', 'approved', 'rejected']),
  decision: z.enum(['approved', 'rejected']),
});

export function toWorkflowDto(w: ApprovalWorkflow): z.infer<typeof ApprovalWorkflowDto> {
  return { steps: w.steps.map((s) => ({ role: s.role, mode: s.mode, memberIds: [...s.memberIds] })) };
}

function toDecisionDto(d: ApprovalDecision): z.infer<typeof DecisionDto> {
  return { ...d, decidedAt: d.decidedAt.toISOString() };
}

export function toApprovalDto(a: PostApprovalProps): z.infer<typeof PostApprovalDto> {
  return {
    postId: a.postId,
    status: a.status,
    round: a.round,
    version: a.version,
    step: a.step,
    steps: toWorkflowDto(a).steps,
    authorId: a.authorId,
    submittedBy: a.submittedBy,
    submittedAt: a.submittedAt.toISOString(),
    decisions: a.decisions.map(toDecisionDto),
  };
}

export function toApprovalViewDto(v: PostApprovalView): z.infer<typeof PostApprovalViewDto> {
  return {
    approval: v.approval === null ? null : toApprovalDto(v.approval),
    workflow: toWorkflowDto(v.workflow),
    history: v.history.map(toDecisionDto),
    blockingReason: v.blockingReason,
  };
}

export function toVersionContentDto(c: PostContent): z.infer<typeof VersionContentDto> {
  return {
    text: c.master.text,
    media: [...c.master.media],
    firstComment: c.master.firstComment,
    thread: c.master.thread.map((t) => ({ text: t.text, media: [...t.media] })),
    targets: c.targets.map((t) => ({
      targetId: t.targetId,
      channelId: t.channelId,
      text: t.text,
      media: t.media === null ? null : [...t.media],
      firstComment: t.firstComment,
      thread: t.thread === null ? null : t.thread.map((i) => ({ text: i.text, media: [...i.media] })),
      settings: { ...t.settings },
    })),
    contentType: c.contentType,
    tags: [...c.tags],
    campaignId: c.campaignId,
    pillarKey: c.pillarKey,
    goalIds: [...c.goalIds],
  };
}

export function toVersionDto(v: PostVersion) {
  return {
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    content: toVersionContentDto(v.content),
  };
}

export function toDiffDto(
  from: number,
  to: number,
  changes: readonly FieldDiff[],
): z.infer<typeof VersionDiffDto> {
  return { from, to, changes: changes.map((c) => ({ ...c, lines: [...c.lines] })) };
}
