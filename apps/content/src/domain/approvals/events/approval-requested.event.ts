import type { PostApprovalProps } from '../post-approval.aggregate.js';

/** A step now awaits its approvers: after a submission, after the previous step, or after an edit. */
export class ApprovalRequestedEvent {
  constructor(
    readonly approval: PostApprovalProps,
    readonly reason: 'submitted' | 'next-step' | 'changed',
  ) {}
}
