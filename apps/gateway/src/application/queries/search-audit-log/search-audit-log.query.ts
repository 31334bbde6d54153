import { Query } from '@nestjs/cqrs';
import type { AuditEntry } from '../../../domain/audit-entry.entity.js';
import type { AuditFilter } from '../../ports/audit-log.port.js';

/** The viewer's agency role decides whether the agency-wide entries are part of the answer. */
export class SearchAuditLogQuery extends Query<AuditEntry[]> {
  constructor(
    readonly filter: Omit<AuditFilter, 'includeAgencyWide'>,
    readonly viewerId: string,
    /** A scoped API token holds no agency role, so it never sees the agency-wide entries. */
    readonly scopedCredential: boolean,
  ) {
    super();
  }
}
