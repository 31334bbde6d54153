import { GoalSetEvent } from './events/goal-set.event.js';
import { InvalidGoalError } from './goal.errors.js';
import type { GoalScope } from './goal-scope.value-object.js';
import { sameReading, sameUnit, type KpiValue } from './kpi-value.value-object.js';

export type GoalStatus = 'active' | 'paused';

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
}

export type SetGoalInput = Omit<GoalProps, 'status' | 'revision' | 'createdAt'>;

/** What the brand wants to reach: a KPI moving from a baseline to a target by a deadline. */
export class Goal {
  private pending: GoalSetEvent[] = [];

  private constructor(private readonly props: GoalProps) {}

  static set(input: SetGoalInput, now: Date): Goal {
    if (!sameUnit(input.baseline, input.target)) {
      throw new InvalidGoalError('target', 'must use the same unit (and currency) as the baseline');
    }
    if (sameReading(input.baseline, input.target)) {
      throw new InvalidGoalError('target', 'must differ from the baseline, or there is nothing to reach');
    }
    if (input.deadline.getTime() <= input.startsAt.getTime()) {
      throw new InvalidGoalError('deadline', 'must be after startsAt');
    }
    if (input.deadline.getTime() <= now.getTime()) {
      throw new InvalidGoalError('deadline', 'must be in the future');
    }
    const goal = new Goal({ ...input, status: 'active', revision: 1, createdAt: now });
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

  /** Domain events recorded since the goal was loaded; the repository publishes them with the change. */
  pendingEvents(): readonly GoalSetEvent[] {
    return this.pending;
  }

  clearPendingEvents(): void {
    this.pending = [];
  }
}
