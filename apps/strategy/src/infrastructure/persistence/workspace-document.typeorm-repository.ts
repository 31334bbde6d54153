import type { TenantTransactions } from '@chorus/service-kit';
import type { DeepPartial, EntityTarget } from 'typeorm';
import type { WorkspaceDocumentOrmEntity } from './workspace-document.orm-entity.js';

/** What every workspace plan carries besides its content. */
export interface WorkspaceDocumentStamp {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly revision: number;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** Saves and reads one workspace's plan document (a whole snapshot each time) under its tenant. */
export class WorkspaceDocumentTypeormRepository<Content extends object> {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly entity: EntityTarget<WorkspaceDocumentOrmEntity<Content>>,
  ) {}

  async save(snapshot: WorkspaceDocumentStamp & Content): Promise<void> {
    const { tenantId, workspaceId, revision, updatedAt, updatedBy, ...rest } = snapshot;
    // The snapshot less its stamp is the content (TypeScript cannot see that through the spread).
    const row = {
      tenantId,
      workspaceId,
      content: rest as unknown as Content,
      revision,
      updatedAt,
      updatedBy,
    };
    await this.transactions.run(tenantId, (tx) =>
      tx.manager.save(this.entity, row as DeepPartial<WorkspaceDocumentOrmEntity<Content>>),
    );
  }

  async find(tenantId: string, workspaceId: string): Promise<(WorkspaceDocumentStamp & Content) | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(this.entity, {
        tenantId,
        workspaceId,
      }),
    );
    return row === null
      ? null
      : {
          ...row.content,
          tenantId: row.tenantId,
          workspaceId: row.workspaceId,
          revision: row.revision,
          updatedAt: new Date(row.updatedAt),
          updatedBy: row.updatedBy,
        };
  }
}
