import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { checkScopeAudiences } from '../../../domain/goal-scope.value-object.js';
import { Goal, type GoalProps } from '../../../domain/goal.aggregate.js';
import { AUDIENCE_REPOSITORY, GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import { audienceIdsOf, type AudienceRepository } from '../../ports/audience-repository.port.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { SetGoalCommand } from './set-goal.command.js';

@CommandHandler(SetGoalCommand)
export class SetGoalHandler implements ICommandHandler<SetGoalCommand> {
  constructor(
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
    @Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: SetGoalCommand): Promise<GoalProps> {
    const goal = Goal.set({ id: uuidv7(), ...command.data }, new Date());
    checkScopeAudiences(
      command.data.scope,
      await audienceIdsOf(this.audiences, command.data.tenantId, command.data.workspaceId),
    );
    await this.goals.add(goal);
    this.logger.write('info', 'goal set', { goalId: goal.id, metric: command.data.metric });
    return goal.snapshot();
  }
}
