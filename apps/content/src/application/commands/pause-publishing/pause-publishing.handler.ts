import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PUBLISHING_PAUSES } from '../../../content.tokens.js';
import type { PublishingPauseRepository } from '../../ports/publishing-pause-repository.port.js';
import { PausePublishingCommand } from './pause-publishing.command.js';

@CommandHandler(PausePublishingCommand)
export class PausePublishingHandler implements ICommandHandler<PausePublishingCommand, void> {
  constructor(@Inject(PUBLISHING_PAUSES) private readonly pauses: PublishingPauseRepository) {}

  async execute({ data }: PausePublishingCommand): Promise<void> {
    await this.pauses.pause(data.tenantId, data.workspaceId, data, new Date());
  }
}
