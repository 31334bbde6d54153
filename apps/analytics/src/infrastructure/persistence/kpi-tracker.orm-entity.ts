import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A KPI value as stored in jsonb; the mapper restores the domain's union type. */
export interface KpiValueColumn {
  unit: string;
  value?: number;
  amountMinor?: number;
  currency?: string;
}

@Entity({ schema: 'analytics', name: 'kpi_tracker' })
export class KpiTrackerOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @Column({ name: 'goal_revision', type: 'integer' })
  goalRevision!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ type: 'jsonb' })
  baseline!: KpiValueColumn;

  @Column({ type: 'jsonb' })
  target!: KpiValueColumn;

  @Column({ type: 'jsonb', nullable: true })
  current!: KpiValueColumn | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'retired_reason', type: 'text', nullable: true })
  retiredReason!: string | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
