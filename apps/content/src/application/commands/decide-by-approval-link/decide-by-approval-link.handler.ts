import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { APPROVAL_LINK_REPOSITORY, APPROVAL_REPOSITORY, UNIT_OF_WORK } from '../../../content.tokens.js';
import { ApprovalLinkRefusedError } from '../../../domain/approvals/approval.errors.js';
import type { PostApprovalProps } from '../../../domain/approvals/post-approval.aggregate.js';
import type { ApprovalLinkRepository } from '../../ports/approval-link-repository.port.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { GetApprovalLinkQuery } from '../../queries/get-approval-link/get-approval-link.query.js';
import { DecideByApprovalLinkCommand } from './decide-by-approval-link.command.js';

/**
 * Uses the link and records the decision in one transaction: a replay (or a second click racing the first)
 * finds the link used and changes nothing; a decision that fails leaves the link unused.
 */
@CommandHandler(DecideByApprovalLinkCommand)
export class DecideByApprovalLinkHandler implements ICommandHandler<DecideByApprovalLinkCommand> {
  constructor(
    @Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository,
    @Inject(APPROVAL_LINK_REPOSITORY) private readonly links: ApprovalLinkRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: DecideByApprovalLinkCommand): Promise<PostApprovalProps> {
    const now = new Date();
    const { link } = await this.queries.execute(new GetApprovalLinkQuery(data.token, now));
    return this.unitOfWork.run(link.tenantId, async () => {
      if (!(await this.links.markUsed(link.tenantId, link.id, data.decision, now))) {
        throw new ApprovalLinkRefusedError('used', 'This link was just used; a link decides once.');
      }
      const approval = await this.approvals.find(link.tenantId, link.workspaceId, link.postId);
      // Checked again inside the transaction: the post may have been submitted again (a new round on the same
      // version and step) between reading the link and using it.
      if (approval?.snapshot().round !== link.round) {
        throw new ApprovalLinkRefusedError(
          'superseded',
          'The post was submitted for approval again since this link was sent; ask the team for a new link.',
        );
      }
      const previous = approval.snapshot().revision;
      approval.decide(
        {
          step: link.step,
          version: link.version,
          decision: data.decision,
          comment: data.comment,
          by: link.id,
          roles: [approval.snapshot().steps[link.step - 1]!.role],
          via: 'link',
        },
        now,
      );
      await this.approvals.save(approval, previous);
      return approval.snapshot();
    });
  }
}
