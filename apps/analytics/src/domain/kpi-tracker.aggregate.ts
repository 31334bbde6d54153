import type { KpiValue } from './kpi-value.value-object.js';

export type KpiTrackerStatus = 'tracking';

export interface KpiTrackerProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly goalId: string;
  readonly goalRevision: number;
  readonly title: string;
  readonly metric: string;
  readonly baseline: KpiValue;
  readonly target: KpiValue;
  /** The latest measured reading; null until the first measurement. */
  readonly current: KpiValue | null;
  readonly startsAt: Date;
  readonly deadline: Date;
  readonly timeZone: string;
  readonly status: KpiTrackerStatus;
  readonly createdAt: Date;
}

export type StartKpiTrackingInput = Omit<KpiTrackerProps, 'current' | 'status' | 'createdAt'>;

/** Follows one goal's KPI from its baseline toward its target; analytics fills in the readings. */
export class KpiTracker {
  private constructor(private readonly props: KpiTrackerProps) {}

  static start(input: StartKpiTrackingInput, now: Date): KpiTracker {
    return new KpiTracker({ ...input, current: null, status: 'tracking', createdAt: now });
  }

  static restore(props: KpiTrackerProps): KpiTracker {
    return new KpiTracker(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): KpiTrackerProps {
    return this.props;
  }
}
