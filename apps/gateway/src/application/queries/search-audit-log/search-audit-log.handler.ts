import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuditEntry } from '../../../domain/audit-entry.entity.js';
import { AGENCY_ROLES, AUDIT_LOG } from '../../../gateway.tokens.js';
import type { AgencyRoles } from '../../ports/agency-roles.port.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import { SearchAuditLogQuery } from './search-audit-log.query.js';

/** A workspace admin reads their workspace's entries; the agency-wide ones need an agency role (ADR 0018). */
@QueryHandler(SearchAuditLogQuery)
export class SearchAuditLogHandler implements IQueryHandler<SearchAuditLogQuery> {
  constructor(
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(AGENCY_ROLES) private readonly agencyRoles: AgencyRoles,
  ) {}

  async execute(query: SearchAuditLogQuery): Promise<AuditEntry[]> {
    const role = await this.agencyRoles.roleOf(query.filter.tenantId, {
      memberId: query.viewerId,
      scopedCredential: query.scopedCredential,
    });
    return this.audit.search({ ...query.filter, includeAgencyWide: role !== null });
  }
}
