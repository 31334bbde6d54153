import { Command } from '@nestjs/cqrs';
import type { ChannelPlanContent } from '../../../domain/channel-plan.aggregate.js';

export class SaveChannelPlanCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly content: ChannelPlanContent,
    readonly savedBy: string,
  ) {
    super();
  }
}
