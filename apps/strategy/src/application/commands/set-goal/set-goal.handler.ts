import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { Goal, type GoalProps } from '../../../domain/goal.aggregate.js';
import { GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { SetGoalCommand } from './set-goal.command.js';

@CommandHandler(SetGoalCommand)
export class SetGoalHandler implements ICommandHandler<SetGoalCommand> {
  constructor(
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: SetGoalCommand): Promise<GoalProps> {
    const goal = Goal.set({ id: uuidv7(), ...command.data }, new Date());
    await this.goals.add(goal);
    this.logger.write('info', 'goal set', { goalId: goal.id, metric: command.data.metric });
    return goal.snapshot();
  }
}
