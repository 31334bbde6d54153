import type { ServiceDatabase } from '@chorus/persistence';
import { headerNames } from '../consumer/inbound-message.js';
import { messagingTableNames, type MessagingTableNames } from '../outbox/table-names.js';
import type { OutboxRecord } from './outbox-record.js';

interface OutboxRow {
  id: string;
  event_id: string | null;
  topic: string;
  message_key: string;
  envelope_text: string | null;
  raw: Buffer | Uint8Array | null;
  event_type: string | null;
  event_version: string | null;
}

/** The relay's SQL. Each call is its own short system-role transaction: none is held across a delivery. */
export class OutboxStore {
  private readonly tables: MessagingTableNames;

  constructor(private readonly db: ServiceDatabase) {
    this.tables = messagingTableNames(db.schema);
  }

  /**
   * Unpublished rows in id order, leaving out the batch still in flight. Not "ids above the batch in flight":
   * ids are taken at insert and rows become visible at commit, so a concurrent writer's lower ids can appear
   * after higher ones, and skipping them would leave them waiting for a later full read.
   */
  async readPending(limit: number, inFlightIds: readonly string[] = []): Promise<OutboxRecord[]> {
    const inFlight = inFlightIds.length === 0 ? '' : 'WHERE id <> ALL($2::bigint[])';
    const params = inFlightIds.length === 0 ? [limit] : [limit, inFlightIds];
    const rows = await this.db.asSystem(async (tx) => {
      // Right after a burst the statistics still say "a few rows", and the planner then reads every row to
      // sort them (sequential or bitmap scan): the cost would grow with the backlog, just when it should not.
      // The primary key, in id order, stops after `limit` rows.
      await tx.query(
        `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`,
      );
      return tx.query<OutboxRow>(
        // The ids first, so that only the chosen rows are converted to text.
        `SELECT o.id::text AS id, o.event_id::text AS event_id, o.topic, o.message_key,
                o.envelope::text AS envelope_text, o.raw,
                o.envelope->>'type' AS event_type, o.envelope->>'version' AS event_version
           FROM (SELECT id FROM ${this.tables.outbox} ${inFlight} ORDER BY id LIMIT $1) AS next
           JOIN ${this.tables.outbox} AS o ON o.id = next.id
          ORDER BY o.id`,
        params,
      );
    });
    return rows.map(toRecord);
  }

  /** Published rows leave the outbox. */
  async removePublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.db.asSystem((tx) =>
      tx.query(`DELETE FROM ${this.tables.outbox} WHERE id = ANY($1::bigint[])`, [ids]),
    );
  }
}

function toRecord(row: OutboxRow): OutboxRecord {
  const headers: Record<string, string> = {};
  if (row.event_id !== null) {
    headers[headerNames.eventId] = row.event_id;
  }
  if (row.event_type !== null) {
    headers[headerNames.eventType] = row.event_type;
  }
  if (row.event_version !== null) {
    headers[headerNames.eventVersion] = row.event_version;
  }
  const value = row.envelope_text ?? (row.raw === null ? '' : Buffer.from(row.raw));
  return { id: row.id, topic: row.topic, key: row.message_key, value, headers };
}
