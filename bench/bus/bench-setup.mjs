// What the bench's processes share: the event, the effect table and the Kafka settings.
import { defineEvent } from '@chorus/contracts';
import { tenantIsolationSql } from '@chorus/persistence';
import { z } from 'zod';

export const benchKafkaTuning = { topicPartitions: 6, partitionsConsumedConcurrently: 6 };

/** A random source per run gives fresh topics on a reused broker. */
export function benchContract(source) {
  return defineEvent({
    type: 'BenchEventHappened',
    version: 1,
    source,
    payload: z.object({ seq: z.number().int().nonnegative(), note: z.string() }),
  });
}

/** The consumer's effect: one row per applied event, no unique key, so duplicates would show. */
export class BenchEffects1767225600200 {
  name = 'BenchEffects1767225600200';

  async up(queryRunner) {
    await queryRunner.query(`CREATE TABLE consumer.bench_effect (
      id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, event_id uuid NOT NULL, seq integer NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    for (const sql of tenantIsolationSql('consumer', 'bench_effect', 'consumer')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner) {
    await queryRunner.query('DROP TABLE consumer.bench_effect');
  }
}
