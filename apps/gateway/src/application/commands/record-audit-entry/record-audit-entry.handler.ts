import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import { RecordAuditEntryCommand } from './record-audit-entry.command.js';

@CommandHandler(RecordAuditEntryCommand)
export class RecordAuditEntryHandler implements ICommandHandler<RecordAuditEntryCommand> {
  constructor(@Inject(AUDIT_LOG) private readonly audit: AuditLog) {}

  execute(command: RecordAuditEntryCommand): Promise<void> {
    return this.audit.record(command.entry);
  }
}
