/** One line of the audit log: who did what, when, to which object. */
export interface AuditEntry {
  readonly id: string;
  readonly tenantId: string;
  /** Null for agency-wide actions (a sign-in). */
  readonly workspaceId: string | null;
  /** The member who acted; null when the system or a network did. */
  readonly actorId: string | null;
  /** `<object>.<past-tense verb>`: 'member.signed-in', 'member.roles-changed', 'goal.set'. */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly occurredAt: Date;
  /** The service that reported it: 'gateway', or the producer of the event it was read from. */
  readonly source: string;
  /** The integration event it was read from (idempotency); null when the gateway recorded it itself. */
  readonly eventId: string | null;
  /** Small facts worth keeping: roles before and after, the reason. Never secrets. */
  readonly details: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'occurredAt' | 'source' | 'eventId'> &
  Partial<Pick<AuditEntry, 'occurredAt' | 'source' | 'eventId'>>;
