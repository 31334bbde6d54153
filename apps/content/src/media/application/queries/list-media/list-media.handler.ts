import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MediaAsset } from '../../../domain/media-asset.value-object.js';
import { MEDIA_REPOSITORY } from '../../../media.tokens.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import { ListMediaQuery } from './list-media.query.js';

@QueryHandler(ListMediaQuery)
export class ListMediaHandler implements IQueryHandler<ListMediaQuery> {
  constructor(@Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository) {}

  execute(query: ListMediaQuery): Promise<MediaAsset[]> {
    return this.media.list(
      query.tenantId,
      query.workspaceId,
      query.kind === undefined ? {} : { kind: query.kind },
    );
  }
}
