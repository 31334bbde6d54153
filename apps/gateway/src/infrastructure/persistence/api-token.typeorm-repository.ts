import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan } from 'typeorm';
import { isRole } from '@chorus/access';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  ApiTokenKind,
  ApiTokenRepository,
  StoredApiToken,
} from '../../application/ports/api-token-repository.port.js';
import { ApiTokenOrmEntity } from './api-token.orm-entity.js';

/** Lookups run as the system role: a bearer token arrives before anyone knows its agency. */
@Injectable()
export class ApiTokenTypeormRepository implements ApiTokenRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(token: StoredApiToken): Promise<void> {
    await this.transactions.run(token.tenantId, (tx) =>
      tx.manager.insert(ApiTokenOrmEntity, {
        tokenHash: token.hash,
        id: token.id,
        kind: token.kind,
        name: token.name,
        scopes: token.scopes === null ? null : [...token.scopes],
        tenantId: token.tenantId,
        memberId: token.memberId,
        createdAt: token.createdAt,
        expiresAt: token.expiresAt,
        revokedAt: null,
      }),
    );
  }

  async findActive(hash: string, now: Date): Promise<StoredApiToken | null> {
    const row = await this.transactions.asSystem((tx) =>
      tx.manager.findOneBy(ApiTokenOrmEntity, {
        tokenHash: hash,
        revokedAt: IsNull(),
        expiresAt: MoreThan(now),
      }),
    );
    return row === null ? null : toStored(row);
  }

  async revoke(hash: string, now: Date): Promise<void> {
    await this.transactions.asSystem((tx) =>
      tx.manager.update(ApiTokenOrmEntity, { tokenHash: hash, revokedAt: IsNull() }, { revokedAt: now }),
    );
  }

  async listNamed(tenantId: string, memberId: string, now: Date): Promise<StoredApiToken[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(ApiTokenOrmEntity, {
        where: { memberId, kind: 'named', revokedAt: IsNull(), expiresAt: MoreThan(now) },
        order: { createdAt: 'DESC' },
      }),
    );
    return rows.map(toStored);
  }

  async revokeNamed(tenantId: string, memberId: string, id: string, now: Date): Promise<boolean> {
    const result = await this.transactions.run(tenantId, (tx) =>
      tx.manager.update(
        ApiTokenOrmEntity,
        { id, memberId, kind: 'named', revokedAt: IsNull() },
        { revokedAt: now },
      ),
    );
    return (result.affected ?? 0) > 0;
  }

  async revokeAll(tenantId: string, memberId: string, now: Date): Promise<Record<ApiTokenKind, number>> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ kind: ApiTokenKind; n: string }>(
        `WITH revoked AS (
           UPDATE gateway.api_token SET revoked_at = $2
            WHERE member_id = $1 AND revoked_at IS NULL AND expires_at > $2
            RETURNING kind)
         SELECT kind, count(*) AS n FROM revoked GROUP BY kind`,
        [memberId, now],
      ),
    );
    const counts: Record<ApiTokenKind, number> = { 'sign-in': 0, session: 0, named: 0 };
    for (const row of rows) {
      counts[row.kind] = Number(row.n);
    }
    return counts;
  }

  async revokeSignIns(tenantId: string, memberId: string, now: Date): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.manager.update(
        ApiTokenOrmEntity,
        { memberId, kind: In(['sign-in', 'session']), revokedAt: IsNull() },
        { revokedAt: now },
      ),
    );
  }
}

function toStored(row: ApiTokenOrmEntity): StoredApiToken {
  return {
    id: row.id,
    hash: row.tokenHash,
    kind: row.kind,
    name: row.name,
    scopes: row.scopes === null ? null : row.scopes.filter(isRole),
    tenantId: row.tenantId,
    memberId: row.memberId,
    createdAt: new Date(row.createdAt),
    expiresAt: new Date(row.expiresAt),
  };
}
