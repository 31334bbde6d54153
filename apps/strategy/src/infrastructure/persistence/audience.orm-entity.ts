import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AudienceContent } from '../../domain/audience.aggregate.js';

@Entity({ schema: 'strategy', name: 'audience' })
@Index('audience_workspace', ['tenantId', 'workspaceId', 'createdAt'])
export class AudienceOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The whole audience (profile and sub-targets), as the domain holds it. */
  @Column({ type: 'jsonb' })
  content!: AudienceContent;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
