import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StrategyConflictError, StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { AUDIENCE_REPOSITORY, GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { AudienceRepository } from '../../ports/audience-repository.port.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { DeleteAudienceCommand } from './delete-audience.command.js';

@CommandHandler(DeleteAudienceCommand)
export class DeleteAudienceHandler implements ICommandHandler<DeleteAudienceCommand> {
  constructor(
    @Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository,
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
  ) {}

  async execute(command: DeleteAudienceCommand): Promise<void> {
    const { tenantId, workspaceId, audienceId } = command;
    const aimedAt = (await this.goals.listByWorkspace(tenantId, workspaceId)).filter(
      (g) => g.snapshot().status !== 'retired' && g.snapshot().scope.audienceIds.includes(audienceId),
    );
    if (aimedAt.length > 0) {
      throw new StrategyConflictError(
        `Audience ${audienceId} is the scope of goal(s) ${aimedAt.map((g) => g.id).join(', ')}; change or retire them first`,
      );
    }
    if (!(await this.audiences.delete(tenantId, workspaceId, audienceId))) {
      throw new StrategyNotFoundError(`No audience ${audienceId} in this workspace`);
    }
  }
}
