import type { AuditEntry, NewAuditEntry } from '../../domain/audit-entry.entity.js';

export interface AuditFilter {
  readonly tenantId: string;
  /** Entries of this workspace and the agency-wide ones. */
  readonly workspaceId: string;
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
