import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  PasswordResetRepository,
  PasswordResetRequest,
} from '../../application/ports/password-reset-repository.port.js';
import { PasswordResetOrmEntity } from './password-reset.orm-entity.js';

@Injectable()
export class PasswordResetTypeormRepository implements PasswordResetRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(request: PasswordResetRequest): Promise<void> {
    await this.transactions.run(request.tenantId, (tx) =>
      tx.manager.insert(PasswordResetOrmEntity, {
        tokenHash: request.hash,
        tenantId: request.tenantId,
        memberId: request.memberId,
        createdAt: request.createdAt,
        expiresAt: request.expiresAt,
        usedAt: null,
      }),
    );
  }

  async find(hash: string, now: Date): Promise<{ tenantId: string; memberId: string } | null> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<{ tenant_id: string; member_id: string }>(
        `SELECT tenant_id, member_id FROM gateway.password_reset
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
        [hash, now],
      ),
    );
    const row = rows[0];
    return row === undefined ? null : { tenantId: row.tenant_id, memberId: row.member_id };
  }

  /** One UPDATE ... RETURNING: two requests racing with the same link cannot both win. */
  async consume(hash: string, now: Date): Promise<{ tenantId: string; memberId: string } | null> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<{ tenant_id: string; member_id: string }>(
        `UPDATE gateway.password_reset SET used_at = $2
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
          RETURNING tenant_id, member_id`,
        [hash, now],
      ),
    );
    const row = rows[0];
    return row === undefined ? null : { tenantId: row.tenant_id, memberId: row.member_id };
  }
}
