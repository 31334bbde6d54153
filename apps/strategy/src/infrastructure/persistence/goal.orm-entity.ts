import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A KPI value as stored in jsonb; the mapper restores the domain's union type. */
export interface KpiValueColumn {
  unit: string;
  value?: number;
  amountMinor?: number;
  currency?: string;
}

@Entity({ schema: 'strategy', name: 'goal' })
@Index('goal_workspace', ['tenantId', 'workspaceId', 'createdAt'])
export class GoalOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ type: 'jsonb' })
  baseline!: KpiValueColumn;

  @Column({ type: 'jsonb' })
  target!: KpiValueColumn;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'jsonb' })
  scope!: { channelIds: string[]; audienceIds: string[] };

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Set once the goal is retired: reason, replacement, who and when (ISO instant). */
  @Column({ type: 'jsonb', nullable: true })
  retirement!: {
    reason: string;
    replacedByGoalId: string | null;
    retiredById: string;
    retiredAt: string;
  } | null;
}
