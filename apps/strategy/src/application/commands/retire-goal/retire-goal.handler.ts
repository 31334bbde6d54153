import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import type { GoalProps } from '../../../domain/goal.aggregate.js';
import { GoalNotFoundError, InvalidGoalError } from '../../../domain/goal.errors.js';
import { GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { RetireGoalCommand } from './retire-goal.command.js';

@CommandHandler(RetireGoalCommand)
export class RetireGoalHandler implements ICommandHandler<RetireGoalCommand> {
  constructor(
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: RetireGoalCommand): Promise<GoalProps> {
    const { tenantId, workspaceId } = command;
    const goal = await this.goals.findById(tenantId, workspaceId, command.goalId);
    if (goal === null) {
      throw new GoalNotFoundError(command.goalId);
    }
    if (command.replacedByGoalId !== null && command.replacedByGoalId !== goal.id) {
      const replacement = await this.goals.findById(tenantId, workspaceId, command.replacedByGoalId);
      if (replacement === null) {
        throw new InvalidGoalError(
          'replacedByGoalId',
          `no goal ${command.replacedByGoalId} in this workspace`,
        );
      }
    }
    goal.retire(command.reason, command.replacedByGoalId, command.retiredById, new Date());
    await this.goals.save(goal);
    this.logger.write('info', 'goal retired', { goalId: goal.id, reason: command.reason });
    return goal.snapshot();
  }
}
