import { sameUnit, type KpiValue } from './kpi-value.value-object.js';

/** tracking: counts now; paused: the goal is paused, readings kept; retired: the goal no longer counts. */
export type KpiTrackerStatus = 'tracking' | 'paused' | 'retired';

export type KpiRetirementReason = 'achieved' | 'missed' | 'abandoned' | 'replaced';

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
  /** Set when retired. */
  readonly retiredReason: KpiRetirementReason | null;
  readonly retiredAt: Date | null;
  readonly createdAt: Date;
}

export type StartKpiTrackingInput = Omit<
  KpiTrackerProps,
  'current' | 'status' | 'retiredReason' | 'retiredAt' | 'createdAt'
> & { readonly goalStatus?: 'active' | 'paused' };

/** A goal's state after a change in strategy, as far as its KPI is concerned. */
export type GoalRevision = Pick<
  KpiTrackerProps,
  'goalRevision' | 'title' | 'metric' | 'baseline' | 'target' | 'startsAt' | 'deadline' | 'timeZone'
> & { readonly goalStatus: 'active' | 'paused' };

/** Follows one goal's KPI from its baseline toward its target; analytics fills in the readings. */
export class KpiTracker {
  private constructor(private props: KpiTrackerProps) {}

  static start(input: StartKpiTrackingInput, now: Date): KpiTracker {
    const { goalStatus, ...goal } = input;
    return new KpiTracker({
      ...goal,
      current: null,
      status: goalStatus === 'paused' ? 'paused' : 'tracking',
      retiredReason: null,
      retiredAt: null,
      createdAt: now,
    });
  }

  static restore(props: KpiTrackerProps): KpiTracker {
    return new KpiTracker(props);
  }

  get id(): string {
    return this.props.id;
  }

  /**
   * Takes the goal as strategy now has it. False (nothing changes) for a revision not newer than the one held
   * (a redelivered or late event) and for a retired goal. A reading of another metric or unit means nothing
   * against the new target, so it is dropped.
   */
  applyGoalRevision(goal: GoalRevision): boolean {
    if (this.props.status === 'retired' || goal.goalRevision <= this.props.goalRevision) {
      return false;
    }
    const { goalStatus, ...fields } = goal;
    const current = this.props.current;
    const keepsReading =
      current !== null && goal.metric === this.props.metric && sameUnit(current, goal.target);
    this.props = {
      ...this.props,
      ...fields,
      current: keepsReading ? current : null,
      status: goalStatus === 'paused' ? 'paused' : 'tracking',
    };
    return true;
  }

  /** False when already retired: the first retirement's reason stands. */
  retire(reason: KpiRetirementReason, at: Date): boolean {
    if (this.props.status === 'retired') {
      return false;
    }
    this.props = { ...this.props, status: 'retired', retiredReason: reason, retiredAt: at };
    return true;
  }

  snapshot(): KpiTrackerProps {
    return this.props;
  }
}
