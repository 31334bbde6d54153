import { Command } from '@nestjs/cqrs';
import type { NewAuditEntry } from '../../../domain/audit-entry.entity.js';

/** An action another service reported (through its integration events), written to the audit log once. */
export class RecordAuditEntryCommand extends Command<void> {
  constructor(readonly entry: NewAuditEntry) {
    super();
  }
}
