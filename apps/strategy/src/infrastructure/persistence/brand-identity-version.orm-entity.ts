import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BrandIdentityContent } from '../../domain/brand-identity.aggregate.js';

@Entity({ schema: 'strategy', name: 'brand_identity_version' })
export class BrandIdentityVersionOrmEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** Mission, value proposition, differentiators and voice, as saved. */
  @Column({ type: 'jsonb' })
  content!: BrandIdentityContent;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;
}
