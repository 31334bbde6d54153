import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPROVAL_LINK_REPOSITORY } from '../../../content.tokens.js';
import type { ClientContact } from '../../../domain/approvals/client-contact.value-object.js';
import type { ApprovalLinkRepository } from '../../ports/approval-link-repository.port.js';
import { GetClientContactsQuery } from './get-client-contacts.query.js';

@QueryHandler(GetClientContactsQuery)
export class GetClientContactsHandler implements IQueryHandler<GetClientContactsQuery> {
  constructor(@Inject(APPROVAL_LINK_REPOSITORY) private readonly links: ApprovalLinkRepository) {}

  execute(query: GetClientContactsQuery): Promise<ClientContact[]> {
    return this.links.clientContacts(query.tenantId, query.workspaceId);
  }
}
