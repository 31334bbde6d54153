import { Command } from '@nestjs/cqrs';
import type { PostApprovalProps } from '../../../domain/approvals/post-approval.aggregate.js';

/** The client approver's decision through a signed link: once per link, on the step and version it names. */
export class DecideByApprovalLinkCommand extends Command<PostApprovalProps> {
  constructor(readonly data: { token: string; decision: 'approved' | 'rejected'; comment: string }) {
    super();
  }
}
