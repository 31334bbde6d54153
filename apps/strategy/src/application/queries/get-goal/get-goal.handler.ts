import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { GoalProps } from '../../../domain/goal.aggregate.js';
import { GoalNotFoundError } from '../../../domain/goal.errors.js';
import { GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { GetGoalQuery } from './get-goal.query.js';

@QueryHandler(GetGoalQuery)
export class GetGoalHandler implements IQueryHandler<GetGoalQuery> {
  constructor(@Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository) {}

  async execute(query: GetGoalQuery): Promise<GoalProps> {
    const goal = await this.goals.findById(query.tenantId, query.workspaceId, query.goalId);
    if (goal === null) {
      throw new GoalNotFoundError(query.goalId);
    }
    return goal.snapshot();
  }
}
