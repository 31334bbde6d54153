import type { ApprovalDecision, PostApprovalProps } from '../post-approval.aggregate.js';

/** A step was refused: the round ends; the author edits and submits again. */
export class ApprovalRejectedEvent {
  constructor(
    readonly approval: PostApprovalProps,
    readonly decision: ApprovalDecision,
  ) {}
}
