import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APPROVAL_LINK_REPOSITORY } from '../../../content.tokens.js';
import {
  clientContactProblems,
  type ClientContact,
} from '../../../domain/approvals/client-contact.value-object.js';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import type { ApprovalLinkRepository } from '../../ports/approval-link-repository.port.js';
import { SaveClientContactsCommand } from './save-client-contacts.command.js';

@CommandHandler(SaveClientContactsCommand)
export class SaveClientContactsHandler implements ICommandHandler<SaveClientContactsCommand> {
  constructor(@Inject(APPROVAL_LINK_REPOSITORY) private readonly links: ApprovalLinkRepository) {}

  async execute({ data }: SaveClientContactsCommand): Promise<ClientContact[]> {
    const problems = clientContactProblems(data.contacts);
    if (problems.length > 0) {
      throw new InvalidContentInputError(problems);
    }
    await this.links.saveClientContacts(data.tenantId, data.workspaceId, data.contacts, data.by);
    return data.contacts;
  }
}
