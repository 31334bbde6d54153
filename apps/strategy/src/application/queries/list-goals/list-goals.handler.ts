import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { GoalProps } from '../../../domain/goal.aggregate.js';
import { GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { ListGoalsQuery } from './list-goals.query.js';

@QueryHandler(ListGoalsQuery)
export class ListGoalsHandler implements IQueryHandler<ListGoalsQuery> {
  constructor(@Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository) {}

  async execute(query: ListGoalsQuery): Promise<GoalProps[]> {
    const goals = await this.goals.listByWorkspace(query.tenantId, query.workspaceId);
    return goals.map((goal) => goal.snapshot());
  }
}
