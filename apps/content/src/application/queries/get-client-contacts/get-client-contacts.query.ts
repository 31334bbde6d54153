import { Query } from '@nestjs/cqrs';
import type { ClientContact } from '../../../domain/approvals/client-contact.value-object.js';

export class GetClientContactsQuery extends Query<ClientContact[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
