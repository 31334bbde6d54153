import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuditEntry } from '../../../domain/audit-entry.entity.js';
import { AUDIT_LOG } from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import { SearchAuditLogQuery } from './search-audit-log.query.js';

@QueryHandler(SearchAuditLogQuery)
export class SearchAuditLogHandler implements IQueryHandler<SearchAuditLogQuery> {
  constructor(@Inject(AUDIT_LOG) private readonly audit: AuditLog) {}

  execute(query: SearchAuditLogQuery): Promise<AuditEntry[]> {
    return this.audit.search(query.filter);
  }
}
