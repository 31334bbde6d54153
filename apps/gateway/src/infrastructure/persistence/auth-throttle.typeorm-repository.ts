import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantTransactions } from '@chorus/service-kit';
import type { AuthThrottle } from '../../application/ports/auth-throttle.port.js';
import type { ThrottleKey } from '../../domain/auth-throttle.value-object.js';
import { AuthThrottleOrmEntity } from './auth-throttle.orm-entity.js';

/**
 * One upsert per key counts the attempt and decides, under the row's lock, whether it may go ahead: a locked
 * key stays as it is; an expired window or lock starts a new window; the attempt after the last allowed one
 * locks the key. In ON CONFLICT ... SET every `t.` is the row before this attempt.
 */
const RESERVE_SQL = `
  INSERT INTO gateway.auth_throttle AS t (key, failures, window_started_at, locked_until)
  VALUES ($1, 1, $2::timestamptz, NULL)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE
      WHEN t.locked_until > $2::timestamptz THEN t.failures
      WHEN t.locked_until IS NOT NULL OR t.window_started_at <= $2::timestamptz - make_interval(secs => $3::float8)
        THEN 1
      ELSE t.failures + 1 END,
    window_started_at = CASE
      WHEN t.locked_until > $2::timestamptz THEN t.window_started_at
      WHEN t.locked_until IS NOT NULL OR t.window_started_at <= $2::timestamptz - make_interval(secs => $3::float8)
        THEN $2::timestamptz
      ELSE t.window_started_at END,
    locked_until = CASE
      WHEN t.locked_until > $2::timestamptz THEN t.locked_until
      WHEN t.locked_until IS NOT NULL OR t.window_started_at <= $2::timestamptz - make_interval(secs => $3::float8)
        THEN NULL
      WHEN t.failures + 1 > $4::integer THEN $2::timestamptz + make_interval(secs => $5::float8)
      ELSE NULL END
  RETURNING locked_until`;

/** Counters in PostgreSQL, so that every gateway instance shares them. */
@Injectable()
export class AuthThrottleTypeormRepository implements AuthThrottle {
  constructor(private readonly transactions: TenantTransactions) {}

  async reserve(keys: readonly ThrottleKey[], now: Date): Promise<number | null> {
    const waits = await this.transactions.asSystem(async (tx) => {
      const ms: number[] = [];
      for (const { key, rule } of keys) {
        const [row] = await tx.query<{ locked_until: Date | string | null }>(RESERVE_SQL, [
          key,
          now,
          rule.windowSeconds,
          rule.maxFailures,
          rule.lockSeconds,
        ]);
        if (row?.locked_until !== undefined && row.locked_until !== null) {
          ms.push(new Date(row.locked_until).getTime() - now.getTime());
        }
      }
      return ms.filter((wait) => wait > 0);
    });
    return waits.length === 0 ? null : Math.ceil(Math.max(...waits) / 1000);
  }

  async release(keys: readonly ThrottleKey[], forgive: readonly ThrottleKey[] = []): Promise<void> {
    const forgiven = new Set(forgive.map((k) => k.key));
    const returned = keys.map((k) => k.key).filter((key) => !forgiven.has(key));
    await this.transactions.asSystem(async (tx) => {
      if (forgiven.size > 0) {
        await tx.manager.delete(AuthThrottleOrmEntity, { key: In([...forgiven]) });
      }
      if (returned.length > 0) {
        await tx.query(
          `UPDATE gateway.auth_throttle SET failures = greatest(failures - 1, 0)
            WHERE key = ANY($1::text[]) AND locked_until IS NULL`,
          [returned],
        );
      }
    });
  }
}
