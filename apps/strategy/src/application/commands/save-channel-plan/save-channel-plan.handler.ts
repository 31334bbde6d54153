import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChannelPlan } from '../../../domain/channel-plan.aggregate.js';
import { CHANNEL_PLAN_REPOSITORY } from '../../../strategy.tokens.js';
import type { ChannelPlanRepository } from '../../ports/channel-plan-repository.port.js';
import { SaveChannelPlanCommand } from './save-channel-plan.command.js';

@CommandHandler(SaveChannelPlanCommand)
export class SaveChannelPlanHandler implements ICommandHandler<SaveChannelPlanCommand> {
  constructor(@Inject(CHANNEL_PLAN_REPOSITORY) private readonly plans: ChannelPlanRepository) {}

  async execute(command: SaveChannelPlanCommand): Promise<void> {
    const previous = await this.plans.find(command.tenantId, command.workspaceId);
    const plan = ChannelPlan.save(
      previous,
      {
        ...command.content,
        tenantId: command.tenantId,
        workspaceId: command.workspaceId,
        updatedBy: command.savedBy,
      },
      new Date(),
    );
    await this.plans.save(plan);
  }
}
