import { Query } from '@nestjs/cqrs';
import type { GoalProps } from '../../../domain/goal.aggregate.js';

export class ListGoalsQuery extends Query<GoalProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
