import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Recommendations } from '../../domain/diagnosis-playbook.aggregate.js';
import type { FieldThreshold } from '../../domain/severity.value-object.js';

/** An agency's own playbook entry for one problem; absent: the seed applies. */
@Entity({ schema: 'strategy', name: 'diagnosis_playbook_entry' })
export class DiagnosisPlaybookEntryOrmEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  problem!: string;

  @Column({ type: 'jsonb' })
  thresholds!: Record<string, FieldThreshold>;

  @Column({ type: 'jsonb' })
  recommendations!: Recommendations;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;
}
