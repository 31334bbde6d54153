import type { AuditEntry, NewAuditEntry } from '../../domain/audit-entry.entity.js';

export interface AuditFilter {
  readonly tenantId: string;
  /** Entries of this workspace. */
  readonly workspaceId: string;
  /** Also the agency-wide entries (sign-ins, agency changes): for agency owners and admins only (ADR 0018). */
  readonly includeAgencyWide: boolean;
  readonly action?: string | undefined;
  readonly actorId?: string | undefined;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Entries strictly older than this id (UUIDv7 ids sort by time): the next page. */
  readonly before?: string | undefined;
  readonly limit: number;
}

export interface AuditLog {
  /** Idempotent for entries read from events: the same event id is recorded once. */
  record(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  search(filter: AuditFilter): Promise<AuditEntry[]>;
}
