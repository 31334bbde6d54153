import { Inject, Injectable } from '@nestjs/common';
import type { ServiceDatabase, Tx } from '@chorus/persistence';
import { SERVICE_DATABASE } from '../runtime/service-kit.tokens.js';
import { ambientTransaction, runInAmbientTransaction } from './ambient-transaction.js';

/**
 * The one way repositories reach the database: inside the ambient transaction when there is one (a consumer),
 * otherwise in a new transaction as the tenant, with row-level security on. Opening a second transaction
 * inside the first would deadlock on PGlite, where transactions are serialised.
 */
@Injectable()
export class TenantTransactions {
  constructor(@Inject(SERVICE_DATABASE) private readonly db: ServiceDatabase) {}

  async run<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = ambientTransaction();
    if (tx !== undefined) {
      if (tx.tenantId !== tenantId) {
        await tx.setTenant(tenantId);
      }
      return fn(tx);
    }
    return this.db.withTenant(tenantId, (fresh) => runInAmbientTransaction(fresh, () => fn(fresh)));
  }

  /** Cross-tenant work (sign-in by e-mail, token lookup): the service's system role, no tenant filter. */
  async asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = ambientTransaction();
    if (tx !== undefined) {
      return fn(tx);
    }
    return this.db.asSystem((fresh) => runInAmbientTransaction(fresh, () => fn(fresh)));
  }
}
