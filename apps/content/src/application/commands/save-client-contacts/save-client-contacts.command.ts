import { Command } from '@nestjs/cqrs';
import type { ClientContact } from '../../../domain/approvals/client-contact.value-object.js';

/** Replaces the workspace's client contacts, the only addresses approval links are mailed to. */
export class SaveClientContactsCommand extends Command<ClientContact[]> {
  constructor(
    readonly data: { tenantId: string; workspaceId: string; contacts: ClientContact[]; by: string },
  ) {
    super();
  }
}
