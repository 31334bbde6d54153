import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns of a plan kept as one JSON document per workspace (the channel plan, the budget plan): its
 * content, and the revision, time and author of its last change. Each plan's entity names its own table.
 */
export abstract class WorkspaceDocumentOrmEntity<Content extends object> {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'jsonb' })
  content!: Content;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;
}
