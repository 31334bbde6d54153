import { topicFor, type EventEnvelope } from '@chorus/contracts';
import type { Tx } from '@chorus/persistence';
import { signalOutboxCommitted } from './outbox-signal.js';
import { messagingTableNames, type MessagingTableNames } from './table-names.js';

/** Kafka key: one brand's events share a partition and stay ordered; agency-wide events key on the agency. */
export function messageKeyOf(envelope: EventEnvelope): string {
  return envelope.workspaceId ?? envelope.tenantId;
}

/**
 * Writes integration events in the caller's transaction, so that they exist if and only if the state change
 * that produced them commits. The relay publishes them afterwards.
 */
export class Outbox {
  private readonly tables: MessagingTableNames;

  /** `db`: the producing service's database (its schema holds the outbox). */
  constructor(private readonly db: { readonly schema: string }) {
    this.tables = messagingTableNames(db.schema);
  }

  async add(tx: Tx, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) {
      return;
    }
    // One JSON document for the whole batch: one parse in PostgreSQL, no array-literal escaping per event.
    const rows = envelopes.map((envelope) => ({
      t: topicFor(envelope.source, envelope.type, envelope.version),
      k: messageKeyOf(envelope),
      e: envelope,
    }));
    // One statement for any number of events, inserted in the given order (ids are the relay's order). The
    // NOTIFY is delivered at commit and dropped on rollback.
    await tx.query(
      `WITH inserted AS (
         INSERT INTO ${this.tables.outbox} (event_id, tenant_id, topic, message_key, envelope)
         SELECT (r.v->'e'->>'eventId')::uuid, (r.v->'e'->>'tenantId')::uuid, r.v->>'t', r.v->>'k', r.v->'e'
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(v, n)
          ORDER BY r.n
       )
       SELECT pg_notify($2, '')`,
      [JSON.stringify(rows), this.tables.notifyChannel],
    );
    const schema = this.db.schema;
    tx.afterCommit(() => signalOutboxCommitted(schema));
  }
}
