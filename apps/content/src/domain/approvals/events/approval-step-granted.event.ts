import type { ApprovalDecision, PostApprovalProps } from '../post-approval.aggregate.js';

/** A step was granted (by one holder of its role, or by the last of its named members). */
export class ApprovalStepGrantedEvent {
  constructor(
    readonly approval: PostApprovalProps,
    readonly decision: ApprovalDecision,
  ) {}
}
