import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantTransactions } from '@chorus/service-kit';
import type { AuthThrottle } from '../../application/ports/auth-throttle.port.js';
import type { ThrottleKey } from '../../domain/auth-throttle.value-object.js';
import { AuthThrottleOrmEntity } from './auth-throttle.orm-entity.js';

/** Counters in PostgreSQL, so that every gateway instance shares them. */
@Injectable()
export class AuthThrottleTypeormRepository implements AuthThrottle {
  constructor(private readonly transactions: TenantTransactions) {}

  async lockedFor(keys: readonly ThrottleKey[], now: Date): Promise<number | null> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.manager.findBy(AuthThrottleOrmEntity, { key: In(keys.map((k) => k.key)) }),
    );
    const waits = rows
      .map((row) => (row.lockedUntil === null ? 0 : new Date(row.lockedUntil).getTime() - now.getTime()))
      .filter((ms) => ms > 0);
    return waits.length === 0 ? null : Math.ceil(Math.max(...waits) / 1000);
  }

  /** One upsert per key: a new window when the old one is over, a lock when the count reaches the limit. */
  async recordFailure(keys: readonly ThrottleKey[], now: Date): Promise<void> {
    await this.transactions.asSystem(async (tx) => {
      for (const { key, rule } of keys) {
        await tx.query(
          `INSERT INTO gateway.auth_throttle AS t (key, failures, window_started_at, locked_until)
           VALUES ($1, 1, $2::timestamptz, NULL)
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $3::float8)
                             THEN 1 ELSE t.failures + 1 END,
             window_started_at = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $3::float8)
                                      THEN $2::timestamptz ELSE t.window_started_at END`,
          [key, now, rule.windowSeconds],
        );
        await tx.query(
          `UPDATE gateway.auth_throttle
              SET locked_until = $2::timestamptz + make_interval(secs => $4::float8), failures = 0,
                  window_started_at = $2::timestamptz
            WHERE key = $1 AND failures >= $3::integer`,
          [key, now, rule.maxFailures, rule.lockSeconds],
        );
      }
    });
  }

  async clear(keys: readonly ThrottleKey[]): Promise<void> {
    await this.transactions.asSystem((tx) =>
      tx.manager.delete(AuthThrottleOrmEntity, { key: In(keys.map((k) => k.key)) }),
    );
  }
}
