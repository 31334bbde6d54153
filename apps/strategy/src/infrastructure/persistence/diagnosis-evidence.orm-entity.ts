import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'strategy', name: 'diagnosis_evidence' })
export class DiagnosisEvidenceOrmEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'text' })
  problem!: string;

  @Column({ type: 'jsonb' })
  evidence!: Record<string, number | boolean | null>;

  @Column({ type: 'text' })
  notes!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;
}
