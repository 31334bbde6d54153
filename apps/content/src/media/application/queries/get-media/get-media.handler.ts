import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ContentNotFoundError } from '../../../../domain/content.errors.js';
import type { MediaAsset } from '../../../domain/media-asset.value-object.js';
import { MEDIA_REPOSITORY } from '../../../media.tokens.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import { GetMediaQuery } from './get-media.query.js';

@QueryHandler(GetMediaQuery)
export class GetMediaHandler implements IQueryHandler<GetMediaQuery> {
  constructor(@Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository) {}

  async execute(query: GetMediaQuery): Promise<MediaAsset> {
    const asset = await this.media.find(query.tenantId, query.workspaceId, query.mediaId);
    if (asset === null) {
      throw new ContentNotFoundError(`No media ${query.mediaId} in this workspace's library`);
    }
    return asset;
  }
}
