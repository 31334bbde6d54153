import { AdAccount } from '../../domain/ad-account.aggregate.js';
import { AdAccountOrmEntity } from './ad-account.orm-entity.js';

export function adAccountToPersistence(adAccount: AdAccount): AdAccountOrmEntity {
  return Object.assign(new AdAccountOrmEntity(), adAccount.snapshot());
}

export function adAccountToDomain(row: AdAccountOrmEntity): AdAccount {
  return AdAccount.restore({
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    network: row.network,
    externalId: row.externalId,
    name: row.name,
    currency: row.currency,
    createdAt: new Date(row.createdAt),
    createdBy: row.createdBy,
  });
}
