import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  OAuthAuthorizationStore,
  PendingAuthorization,
} from '../../application/ports/oauth-authorization-store.port.js';
import { OAuthAuthorizationOrmEntity } from './oauth-authorization.orm-entity.js';

interface Row {
  state_hash: string;
  tenant_id: string;
  workspace_id: string;
  member_id: string;
  network: string;
  redirect_uri: string;
  sealed: PendingAuthorization['sealed'];
  expires_at: Date;
}

/** The callback arrives without a member (the network redirects the browser), so it is consumed as the system. */
@Injectable()
export class OAuthAuthorizationTypeormRepository implements OAuthAuthorizationStore {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(pending: PendingAuthorization): Promise<void> {
    const now = new Date();
    await this.transactions.run(pending.tenantId, async (tx) => {
      // Abandoned authorizations of this agency go when a new one starts: the table stays small.
      await tx.manager.delete(OAuthAuthorizationOrmEntity, { expiresAt: LessThan(now) });
      await tx.manager.insert(OAuthAuthorizationOrmEntity, { ...pending, createdAt: now });
    });
  }

  async consume(stateHash: string): Promise<PendingAuthorization | null> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<Row>(`DELETE FROM gateway.oauth_authorization WHERE state_hash = $1 RETURNING *`, [stateHash]),
    );
    const row = rows[0];
    return row === undefined
      ? null
      : {
          stateHash: row.state_hash,
          tenantId: row.tenant_id,
          workspaceId: row.workspace_id,
          memberId: row.member_id,
          network: row.network,
          redirectUri: row.redirect_uri,
          sealed: row.sealed,
          expiresAt: new Date(row.expires_at),
        };
  }
}
