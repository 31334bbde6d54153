import type { ServiceDatabase } from '@chorus/persistence';
import type { DeadLetter, DeadLetterSink } from '../consumer/dead-letter.js';
import { messagingTableNames } from '../outbox/table-names.js';

/** Embedded mode's dead letters: rows in the consuming service's `dead_letter` table, with the original bytes. */
export class TableDeadLetterSink implements DeadLetterSink {
  private readonly table: string;

  constructor(private readonly db: ServiceDatabase) {
    this.table = messagingTableNames(db.schema).deadLetter;
  }

  async write(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) {
      return;
    }
    const column = <T>(pick: (letter: DeadLetter) => T): T[] => letters.map(pick);
    await this.db.asSystem((tx) =>
      tx.query(
        `INSERT INTO ${this.table}
           (consumer_group, topic, source_partition, source_offset, message_key, event_id, tenant_id, value, headers,
            reason, detail, attempts)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::uuid[], $7::uuid[],
                              $8::bytea[], $9::jsonb[], $10::text[], $11::text[], $12::int[])`,
        [
          column((l) => l.group),
          column((l) => l.message.topic),
          column((l) => l.message.partition),
          column((l) => l.message.offset),
          column((l) => l.message.key),
          column((l) => l.eventId),
          column((l) => l.tenantId),
          column((l) => (l.message.value === null ? null : Buffer.from(l.message.value))),
          column((l) => JSON.stringify(l.message.headers)),
          column((l) => l.reason),
          column((l) => l.detail),
          column((l) => l.attempts),
        ],
      ),
    );
  }
}
