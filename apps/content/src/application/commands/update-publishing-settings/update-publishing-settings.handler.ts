import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PUBLISHING_PAUSES } from '../../../content.tokens.js';
import type { PublishingPauseRepository } from '../../ports/publishing-pause-repository.port.js';
import { UpdatePublishingSettingsCommand } from './update-publishing-settings.command.js';

@CommandHandler(UpdatePublishingSettingsCommand)
export class UpdatePublishingSettingsHandler implements ICommandHandler<
  UpdatePublishingSettingsCommand,
  void
> {
  constructor(@Inject(PUBLISHING_PAUSES) private readonly pauses: PublishingPauseRepository) {}

  async execute({ data }: UpdatePublishingSettingsCommand): Promise<void> {
    await this.pauses.setCrisisOnResume(
      data.tenantId,
      data.workspaceId,
      data.crisisOnResume,
      data.by,
      new Date(),
    );
  }
}
