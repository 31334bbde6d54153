import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { checkScopeAudiences } from '../../../domain/goal-scope.value-object.js';
import type { GoalProps } from '../../../domain/goal.aggregate.js';
import { GoalNotFoundError } from '../../../domain/goal.errors.js';
import { AUDIENCE_REPOSITORY, GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import { audienceIdsOf, type AudienceRepository } from '../../ports/audience-repository.port.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { ChangeGoalCommand } from './change-goal.command.js';

@CommandHandler(ChangeGoalCommand)
export class ChangeGoalHandler implements ICommandHandler<ChangeGoalCommand> {
  constructor(
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
    @Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: ChangeGoalCommand): Promise<GoalProps> {
    const goal = await this.goals.findById(command.tenantId, command.workspaceId, command.goalId);
    if (goal === null) {
      throw new GoalNotFoundError(command.goalId);
    }
    if (command.changes.scope !== undefined) {
      checkScopeAudiences(
        command.changes.scope,
        await audienceIdsOf(this.audiences, command.tenantId, command.workspaceId),
      );
    }
    const changed = goal.change(command.changes, new Date());
    if (changed.length > 0) {
      await this.goals.save(goal);
      this.logger.write('info', 'goal changed', { goalId: goal.id, changed });
    }
    return goal.snapshot();
  }
}
