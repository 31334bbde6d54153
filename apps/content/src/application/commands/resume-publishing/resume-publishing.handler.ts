import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PUBLISHING_PAUSES } from '../../../content.tokens.js';
import type {
  PublishingPauseRepository,
  ResumeResult,
} from '../../ports/publishing-pause-repository.port.js';
import { ResumePublishingCommand } from './resume-publishing.command.js';

@CommandHandler(ResumePublishingCommand)
export class ResumePublishingHandler implements ICommandHandler<
  ResumePublishingCommand,
  ResumeResult | null
> {
  constructor(@Inject(PUBLISHING_PAUSES) private readonly pauses: PublishingPauseRepository) {}

  async execute({ data }: ResumePublishingCommand): Promise<ResumeResult | null> {
    // Check and removal in one transaction (the repository's): a crisis ends only its own pause.
    return this.pauses.resume(
      data.tenantId,
      data.workspaceId,
      { onResume: data.onResume, ...(data.crisisId === undefined ? {} : { crisisId: data.crisisId }) },
      new Date(),
    );
  }
}
