import { Query } from '@nestjs/cqrs';
import type { AuditEntry } from '../../../domain/audit-entry.entity.js';
import type { AuditFilter } from '../../ports/audit-log.port.js';

export class SearchAuditLogQuery extends Query<AuditEntry[]> {
  constructor(readonly filter: AuditFilter) {
    super();
  }
}
