import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPROVAL_LINK_REPOSITORY, APPROVAL_REPOSITORY } from '../../../content.tokens.js';
import { ApprovalLinkRefusedError } from '../../../domain/approvals/approval.errors.js';
import {
  readApprovalLink,
  verifyApprovalLink,
} from '../../../domain/approvals/approval-link-token.value-object.js';
import { describeStep } from '../../../domain/approvals/approval-workflow.value-object.js';
import type { ApprovalLinkRepository } from '../../ports/approval-link-repository.port.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import { GetApprovalLinkQuery, type ApprovalLinkView } from './get-approval-link.query.js';

const ASK_AGAIN = 'Ask the agency for a new link if you still need to decide.';

@QueryHandler(GetApprovalLinkQuery)
export class GetApprovalLinkHandler implements IQueryHandler<GetApprovalLinkQuery> {
  constructor(
    @Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository,
    @Inject(APPROVAL_LINK_REPOSITORY) private readonly links: ApprovalLinkRepository,
  ) {}

  async execute({ token, now }: GetApprovalLinkQuery): Promise<ApprovalLinkView> {
    const written = readApprovalLink(token);
    const secret = await this.links.findSecret(written.tenantId);
    if (secret === null) {
      throw new ApprovalLinkRefusedError('invalid', `This approval link is not valid. ${ASK_AGAIN}`);
    }
    const claims = verifyApprovalLink(token, secret, now);
    const link = await this.links.find(claims.tenantId, claims.linkId);
    if (link === null) {
      throw new ApprovalLinkRefusedError('invalid', `This approval link is not known. ${ASK_AGAIN}`);
    }
    if (link.usedAt !== null) {
      throw new ApprovalLinkRefusedError(
        'used',
        `This link was already used on ${link.usedAt.toISOString()} (the post was ${link.decision}); a link decides once. ${ASK_AGAIN}`,
      );
    }
    const approval = await this.approvals.find(link.tenantId, link.workspaceId, link.postId);
    const a = approval?.snapshot();
    if (a === undefined || a.round !== link.round || a.status !== 'pending' || a.step !== link.step) {
      const now =
        a === undefined
          ? 'withdrawn'
          : a.status === 'pending'
            ? `at ${describeStep(a.steps, a.step)}, version ${a.version}`
            : a.status;
      throw new ApprovalLinkRefusedError(
        'superseded',
        `The post changed since this link was sent for step ${link.step}, version ${link.version} (it is now ${now}). ${ASK_AGAIN}`,
      );
    }
    const version = (await this.approvals.versions(link.tenantId, link.workspaceId, link.postId)).find(
      (v) => v.version === link.version,
    );
    return { link, approval: a, content: version!.content };
  }
}
