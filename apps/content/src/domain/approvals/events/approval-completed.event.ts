import type { PostApprovalProps } from '../post-approval.aggregate.js';

/** Every step granted: the post may be scheduled. */
export class ApprovalCompletedEvent {
  constructor(readonly approval: PostApprovalProps) {}
}
