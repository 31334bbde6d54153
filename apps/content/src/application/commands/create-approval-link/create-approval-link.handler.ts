import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { APPROVAL_LINK_REPOSITORY, APPROVAL_REPOSITORY } from '../../../content.tokens.js';
import { signApprovalLink } from '../../../domain/approvals/approval-link-token.value-object.js';
import { describeStep } from '../../../domain/approvals/approval-workflow.value-object.js';
import { sameAddress } from '../../../domain/approvals/client-contact.value-object.js';
import {
  ContentConflictError,
  ContentNotFoundError,
  InvalidContentInputError,
} from '../../../domain/content.errors.js';
import type { ApprovalLinkRepository } from '../../ports/approval-link-repository.port.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import { CreateApprovalLinkCommand, type CreatedApprovalLink } from './create-approval-link.command.js';

/** Links are only for a step a client approver decides: members with accounts decide in the console. */
const LINK_ROLE = 'client-approver';

@CommandHandler(CreateApprovalLinkCommand)
export class CreateApprovalLinkHandler implements ICommandHandler<CreateApprovalLinkCommand> {
  constructor(
    @Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository,
    @Inject(APPROVAL_LINK_REPOSITORY) private readonly links: ApprovalLinkRepository,
  ) {}

  async execute({ data }: CreateApprovalLinkCommand): Promise<CreatedApprovalLink> {
    const approval = await this.approvals.find(data.tenantId, data.workspaceId, data.postId);
    if (approval === null) {
      throw new ContentNotFoundError(
        `Post ${data.postId} was never submitted for approval in this workspace (POST /posts/{id}/approval)`,
      );
    }
    const a = approval.snapshot();
    if (a.status !== 'pending') {
      throw new ContentConflictError(
        `The post is ${a.status}; a link is only useful while a step awaits a decision`,
      );
    }
    const step = a.steps[a.step - 1]!;
    if (step.role !== LINK_ROLE) {
      throw new ContentConflictError(
        `${describeStep(a.steps, a.step)} awaits a ${step.role}, who decides in Chorus; links are for ${LINK_ROLE} steps`,
      );
    }
    // An 'all' step waits for named members; a link decides as nobody in particular, so it could reject the
    // step alone but never complete it.
    if (step.mode === 'all') {
      throw new ContentConflictError(
        `${describeStep(a.steps, a.step)} needs each named member's own decision in Chorus; links are for ` +
          `'any' ${LINK_ROLE} steps (an admin can change the step's mode)`,
      );
    }
    const contact = (await this.links.clientContacts(a.tenantId, a.workspaceId)).find((c) =>
      sameAddress(c.email, data.contactEmail),
    );
    if (contact === undefined) {
      throw new InvalidContentInputError([
        {
          field: 'contactEmail',
          problem:
            "is not one of the workspace's client contacts; an admin adds them with PUT /approval-contacts",
        },
      ]);
    }
    const now = new Date();
    const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + data.expiresInHours * 3600_000);
    const linkId = uuidv7();
    const record = {
      id: linkId,
      tenantId: a.tenantId,
      workspaceId: a.workspaceId,
      postId: a.postId,
      round: a.round,
      version: a.version,
      step: a.step,
      recipient: `${contact.name} <${contact.email}>`,
      expiresAt,
      createdBy: data.by,
      createdAt: now,
      usedAt: null,
      decision: null,
    };
    const token = signApprovalLink(
      {
        linkId,
        tenantId: a.tenantId,
        workspaceId: a.workspaceId,
        postId: a.postId,
        version: a.version,
        step: a.step,
        expiresAt: expiresAt.getTime() / 1000,
      },
      await this.links.secret(a.tenantId),
    );
    await this.links.add(record, { to: contact, token });
    return { linkId, sentTo: contact.email, step: a.step, version: a.version, expiresAt };
  }
}
