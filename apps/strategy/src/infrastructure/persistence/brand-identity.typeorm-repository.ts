import { Inject, Injectable } from '@nestjs/common';
import type { Outbox } from '@chorus/messaging';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type { BrandIdentityRepository } from '../../application/ports/brand-identity-repository.port.js';
import type { BrandIdentity, BrandIdentityProps } from '../../domain/brand-identity.aggregate.js';
import { StrategyConflictError } from '../../domain/strategy.errors.js';
import { brandIdentityIntegrationEvents } from './brand-identity-integration-events.mapper.js';
import { BrandIdentityVersionOrmEntity } from './brand-identity-version.orm-entity.js';

@Injectable()
export class BrandIdentityTypeormRepository implements BrandIdentityRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async addVersion(identity: BrandIdentity): Promise<void> {
    const p = identity.snapshot();
    const row: BrandIdentityVersionOrmEntity = {
      tenantId: p.tenantId,
      workspaceId: p.workspaceId,
      version: p.version,
      content: {
        brandName: p.brandName,
        mission: p.mission,
        valueProposition: p.valueProposition,
        differentiators: p.differentiators,
        voice: p.voice,
      },
      createdAt: p.createdAt,
      createdBy: p.createdBy,
    };
    // insert (not save): two concurrent saves of the same version number collide on the primary key.
    try {
      await this.transactions.run(p.tenantId, async (tx) => {
        await tx.manager.insert(BrandIdentityVersionOrmEntity, row);
        await this.outbox.add(tx, brandIdentityIntegrationEvents(identity.pendingEvents()));
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StrategyConflictError(
          `Brand identity version ${p.version} was saved by someone else meanwhile; reload it and save again`,
        );
      }
      throw error;
    }
    identity.clearPendingEvents();
  }

  async latest(tenantId: string, workspaceId: string): Promise<BrandIdentityProps | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOne(BrandIdentityVersionOrmEntity, {
        where: { workspaceId },
        order: { version: 'DESC' },
      }),
    );
    return row === null ? null : toProps(row);
  }

  async version(tenantId: string, workspaceId: string, version: number): Promise<BrandIdentityProps | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(BrandIdentityVersionOrmEntity, { workspaceId, version }),
    );
    return row === null ? null : toProps(row);
  }

  async history(tenantId: string, workspaceId: string): Promise<BrandIdentityProps[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(BrandIdentityVersionOrmEntity, { where: { workspaceId }, order: { version: 'DESC' } }),
    );
    return rows.map(toProps);
  }
}

function toProps(row: BrandIdentityVersionOrmEntity): BrandIdentityProps {
  return {
    ...row.content,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    version: row.version,
    createdAt: new Date(row.createdAt),
    createdBy: row.createdBy,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code;
  return code === '23505' || (error as { code?: unknown }).code === '23505';
}
