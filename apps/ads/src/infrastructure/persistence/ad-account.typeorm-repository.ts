import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { AdAccountRepository } from '../../application/ports/ad-account-repository.port.js';
import type { AdAccount } from '../../domain/ad-account.aggregate.js';
import { DuplicateAdAccountError } from '../../domain/ad-account.errors.js';
import { adAccountToDomain, adAccountToPersistence } from './ad-account.mapper.js';
import { AdAccountOrmEntity } from './ad-account.orm-entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class AdAccountTypeormRepository implements AdAccountRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(adAccount: AdAccount): Promise<void> {
    const row = adAccountToPersistence(adAccount);
    try {
      await this.transactions.run(row.tenantId, (tx) => tx.manager.insert(AdAccountOrmEntity, row));
    } catch (error) {
      const e = error as { code?: string; driverError?: { code?: string } };
      if ((e.code ?? e.driverError?.code) === UNIQUE_VIOLATION) {
        throw new DuplicateAdAccountError();
      }
      throw error;
    }
  }

  async listByWorkspace(tenantId: string, workspaceId: string): Promise<AdAccount[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(AdAccountOrmEntity, { where: { workspaceId }, order: { createdAt: 'DESC' } }),
    );
    return rows.map(adAccountToDomain);
  }
}
