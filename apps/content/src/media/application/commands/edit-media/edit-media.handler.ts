import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ContentNotFoundError } from '../../../../domain/content.errors.js';
import { MEDIA_REPOSITORY } from '../../../media.tokens.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import { EditMediaCommand } from './edit-media.command.js';

@CommandHandler(EditMediaCommand)
export class EditMediaHandler implements ICommandHandler<EditMediaCommand> {
  constructor(@Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository) {}

  async execute({ data }: EditMediaCommand): Promise<void> {
    if (!(await this.media.setAltText(data.tenantId, data.workspaceId, data.mediaId, data.altText))) {
      throw new ContentNotFoundError(`No media ${data.mediaId} in this workspace's library`);
    }
  }
}
