import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ContentConflictError, ContentNotFoundError } from '../../../../domain/content.errors.js';
import { storageKeyOf } from '../../../domain/media-asset.value-object.js';
import { MEDIA_REPOSITORY, MEDIA_STORAGE_PORT } from '../../../media.tokens.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import type { MediaStorage } from '../../ports/media-storage.port.js';
import { DeleteMediaCommand } from './delete-media.command.js';

/** Removes a file from the library, unless a scheduled post still sends it; its row goes first, then its bytes. */
@CommandHandler(DeleteMediaCommand)
export class DeleteMediaHandler implements ICommandHandler<DeleteMediaCommand> {
  constructor(
    @Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE_PORT) private readonly storage: MediaStorage,
  ) {}

  async execute({ data }: DeleteMediaCommand): Promise<void> {
    const asset = await this.media.find(data.tenantId, data.workspaceId, data.mediaId);
    if (asset === null) {
      throw new ContentNotFoundError(`No media ${data.mediaId} in this workspace's library`);
    }
    const result = await this.media.removeUnlessScheduled(data.tenantId, data.workspaceId, data.mediaId);
    if (!result.removed) {
      throw new ContentConflictError(
        `Media ${data.mediaId} is used by scheduled post(s) ${result.usedBy.join(', ')}; ` +
          'remove it from them or unschedule them first',
      );
    }
    await this.storage.remove(storageKeyOf(asset));
  }
}
