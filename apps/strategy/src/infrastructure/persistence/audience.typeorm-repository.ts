import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { AudienceRepository } from '../../application/ports/audience-repository.port.js';
import { Audience } from '../../domain/audience.aggregate.js';
import { AudienceOrmEntity } from './audience.orm-entity.js';

@Injectable()
export class AudienceTypeormRepository implements AudienceRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async save(audience: Audience): Promise<void> {
    const { id, tenantId, workspaceId, revision, createdAt, updatedAt, ...content } = audience.snapshot();
    const row: AudienceOrmEntity = {
      id,
      tenantId,
      workspaceId,
      kind: content.kind,
      name: content.name,
      content,
      revision,
      createdAt,
      updatedAt,
    };
    await this.transactions.run(tenantId, (tx) => tx.manager.save(AudienceOrmEntity, row));
  }

  async findById(tenantId: string, workspaceId: string, audienceId: string): Promise<Audience | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(AudienceOrmEntity, { id: audienceId, workspaceId }),
    );
    return row === null ? null : toDomain(row);
  }

  async listByWorkspace(tenantId: string, workspaceId: string): Promise<Audience[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(AudienceOrmEntity, { where: { workspaceId }, order: { createdAt: 'ASC' } }),
    );
    return rows.map(toDomain);
  }

  async delete(tenantId: string, workspaceId: string, audienceId: string): Promise<boolean> {
    const result = await this.transactions.run(tenantId, (tx) =>
      tx.manager.delete(AudienceOrmEntity, { id: audienceId, workspaceId }),
    );
    return (result.affected ?? 0) > 0;
  }
}

function toDomain(row: AudienceOrmEntity): Audience {
  return Audience.restore({
    ...row.content,
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    revision: row.revision,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  });
}
