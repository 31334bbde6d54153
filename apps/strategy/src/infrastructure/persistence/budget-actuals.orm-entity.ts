import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BudgetActuals } from '../../domain/budget-actuals.value-object.js';

/** The latest statement of one month (BudgetActualsRecorded v1). */
@Entity({ schema: 'strategy', name: 'budget_actuals' })
export class BudgetActualsOrmEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'text' })
  month!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf!: Date;

  @Column({ type: 'jsonb' })
  lines!: BudgetActuals['lines'];
}
