import type { ServiceDatabase } from '@chorus/persistence';
import type { ObservedDeadLetter } from '../contract/event-bus-fixture.js';

/** Embedded mode's dead letters, read back from the consuming service's table. */
export function readTableDeadLetters(db: ServiceDatabase, group: string): Promise<ObservedDeadLetter[]> {
  return db.asSystem((tx) =>
    tx.query<ObservedDeadLetter>(
      `SELECT reason, detail, attempts, convert_from(value, 'UTF8') AS value, topic AS "sourceTopic"
         FROM ${db.schema}.dead_letter WHERE consumer_group = $1 ORDER BY id`,
      [group],
    ),
  );
}
