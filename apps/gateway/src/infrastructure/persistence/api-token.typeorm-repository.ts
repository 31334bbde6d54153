import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { TenantTransactions } from '@chorus/service-kit';
import type {
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
    return row === null
      ? null
      : {
          hash: row.tokenHash,
          tenantId: row.tenantId,
          memberId: row.memberId,
          createdAt: new Date(row.createdAt),
          expiresAt: new Date(row.expiresAt),
        };
  }

  async revoke(hash: string, now: Date): Promise<void> {
    await this.transactions.asSystem((tx) =>
      tx.manager.update(ApiTokenOrmEntity, { tokenHash: hash, revokedAt: IsNull() }, { revokedAt: now }),
    );
  }
}
