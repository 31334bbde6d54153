import { deepEqual } from './deep-equal.value-object.js';
import { GoalChangedEvent, type GoalField } from './events/goal-changed.event.js';
import { GoalRetiredEvent } from './events/goal-retired.event.js';
import { GoalSetEvent } from './events/goal-set.event.js';
import { GoalRetiredError, InvalidGoalError } from './goal.errors.js';
import type { GoalScope } from './goal-scope.value-object.js';
import { sameReading, sameUnit, type KpiValue } from './kpi-value.value-object.js';
import { findMetric } from './metric-catalog.value-object.js';

export type GoalStatus = 'active' | 'paused' | 'retired';
export type RetirementReason = 'achieved' | 'missed' | 'abandoned' | 'replaced';

export interface GoalRetirement {
  readonly reason: RetirementReason;
  readonly replacedByGoalId: string | null;
  readonly retiredById: string;
  readonly retiredAt: Date;
}

export interface GoalProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly title: string;
  readonly metric: string;
  readonly baseline: KpiValue;
  readonly target: KpiValue;
  readonly startsAt: Date;
  readonly deadline: Date;
  readonly timeZone: string;
  readonly scope: GoalScope;
  readonly ownerId: string;
  readonly status: GoalStatus;
  readonly revision: number;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly retirement: GoalRetirement | null;
}

export type SetGoalInput = Omit<GoalProps, 'status' | 'revision' | 'createdAt' | 'updatedAt' | 'retirement'>;

/** What may be changed on an existing goal; absent fields stay as they are. */
export type GoalChanges = Partial<
  Pick<
    GoalProps,
    'title' | 'metric' | 'baseline' | 'target' | 'startsAt' | 'deadline' | 'timeZone' | 'scope' | 'ownerId'
  > & { status: 'active' | 'paused' }
>;

type GoalEvent = GoalSetEvent | GoalChangedEvent | GoalRetiredEvent;

const COMPARED: readonly GoalField[] = [
  'title',
  'metric',
  'baseline',
  'target',
  'startsAt',
  'deadline',
  'timeZone',
  'scope',
  'ownerId',
  'status',
];

/** What the brand wants to reach: a KPI moving from a baseline to a target by a deadline. */
export class Goal {
  private pending: GoalEvent[] = [];

  /** updatedAt as loaded: the repository stores a change only if nobody stored another one meanwhile. */
  readonly loadedAt: Date;

  private constructor(private props: GoalProps) {
    this.loadedAt = props.updatedAt;
  }

  static set(input: SetGoalInput, now: Date): Goal {
    checkKpi(input);
    checkDates(input.startsAt, input.deadline, now, true);
    const goal = new Goal({
      ...input,
      status: 'active',
      revision: 1,
      createdAt: now,
      updatedAt: now,
      retirement: null,
    });
    goal.pending.push(new GoalSetEvent(goal.props));
    return goal;
  }

  static restore(props: GoalProps): Goal {
    return new Goal(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): GoalProps {
    return this.props;
  }

  /** Applies the changes; records GoalChanged with the fields that really changed (none: nothing happens). */
  change(changes: GoalChanges, now: Date): readonly GoalField[] {
    if (this.props.status === 'retired') {
      throw new GoalRetiredError(this.props.id);
    }
    const next: GoalProps = { ...this.props, ...definedOnly(changes) };
    const changed = COMPARED.filter((field) => !deepEqual(this.props[field], next[field]));
    if (changed.length === 0) {
      return [];
    }
    checkKpi(next);
    // A deadline already past may stay as it is (the goal is late), but a new one must lie ahead.
    checkDates(next.startsAt, next.deadline, now, changed.includes('deadline'));
    this.props = { ...next, revision: this.props.revision + 1, updatedAt: now };
    this.pending.push(new GoalChangedEvent(this.props, changed, now));
    return changed;
  }

  retire(reason: RetirementReason, replacedByGoalId: string | null, by: string, now: Date): void {
    if (this.props.status === 'retired') {
      throw new GoalRetiredError(this.props.id);
    }
    if ((reason === 'replaced') !== (replacedByGoalId !== null)) {
      throw new InvalidGoalError('replacedByGoalId', "must be given exactly when the reason is 'replaced'");
    }
    if (replacedByGoalId === this.props.id) {
      throw new InvalidGoalError('replacedByGoalId', 'a goal cannot replace itself');
    }
    const retirement: GoalRetirement = { reason, replacedByGoalId, retiredById: by, retiredAt: now };
    this.props = { ...this.props, status: 'retired', updatedAt: now, retirement };
    this.pending.push(new GoalRetiredEvent(this.props, retirement));
  }

  /** Domain events recorded since the goal was loaded; the repository publishes them with the change. */
  pendingEvents(): readonly GoalEvent[] {
    return this.pending;
  }

  clearPendingEvents(): void {
    this.pending = [];
  }
}

function checkKpi(goal: Pick<GoalProps, 'metric' | 'baseline' | 'target'>): void {
  const metric = findMetric(goal.metric);
  if (metric === undefined) {
    throw new InvalidGoalError(
      'metric',
      `unknown metric '${goal.metric}'; GET /metrics lists the vocabulary (e.g. followers, reach, engagement-rate)`,
    );
  }
  if (goal.baseline.unit !== metric.unit) {
    throw new InvalidGoalError(
      'baseline',
      `${metric.key} is measured in unit '${metric.unit}', not '${goal.baseline.unit}'`,
    );
  }
  if (!sameUnit(goal.baseline, goal.target)) {
    throw new InvalidGoalError('target', 'must use the same unit (and currency) as the baseline');
  }
  if (sameReading(goal.baseline, goal.target)) {
    throw new InvalidGoalError('target', 'must differ from the baseline, or there is nothing to reach');
  }
  const rises = amountOf(goal.target) > amountOf(goal.baseline);
  if (rises !== (metric.direction === 'increase')) {
    throw new InvalidGoalError(
      'target',
      metric.direction === 'increase'
        ? `must be above the baseline: ${metric.key} is better when it goes up`
        : `must be below the baseline: ${metric.key} is better when it goes down`,
    );
  }
}

function checkDates(startsAt: Date, deadline: Date, now: Date, deadlineMustBeAhead: boolean): void {
  if (deadline.getTime() <= startsAt.getTime()) {
    throw new InvalidGoalError('deadline', 'must be after startsAt');
  }
  if (deadlineMustBeAhead && deadline.getTime() <= now.getTime()) {
    throw new InvalidGoalError('deadline', 'must be in the future');
  }
}

function amountOf(value: KpiValue): number {
  return value.unit === 'money' ? value.amountMinor : value.value;
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}
