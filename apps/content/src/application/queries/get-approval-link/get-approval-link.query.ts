import { Query } from '@nestjs/cqrs';
import type { PostApprovalProps } from '../../../domain/approvals/post-approval.aggregate.js';
import type { PostContent } from '../../../domain/post.aggregate.js';
import type { ApprovalLinkRecord } from '../../ports/approval-link-repository.port.js';

/** What a usable approval link shows: the post's content as it will be approved, read-only. */
export interface ApprovalLinkView {
  readonly link: ApprovalLinkRecord;
  readonly approval: PostApprovalProps;
  readonly content: PostContent;
}

/** Opens a link: signature, expiry, single use and the step it names still awaiting; refuses otherwise. */
export class GetApprovalLinkQuery extends Query<ApprovalLinkView> {
  constructor(
    readonly token: string,
    readonly now: Date,
  ) {
    super();
  }
}
