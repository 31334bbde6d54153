import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PUBLISHING_PAUSES } from '../../../content.tokens.js';
import type { PublishingPause } from '../../../domain/publishing/publishing-pause.value-object.js';
import type { PublishingPauseRepository } from '../../ports/publishing-pause-repository.port.js';
import { GetPublishingPauseQuery } from './get-publishing-pause.query.js';

@QueryHandler(GetPublishingPauseQuery)
export class GetPublishingPauseHandler implements IQueryHandler<
  GetPublishingPauseQuery,
  PublishingPause | null
> {
  constructor(@Inject(PUBLISHING_PAUSES) private readonly pauses: PublishingPauseRepository) {}

  execute(query: GetPublishingPauseQuery): Promise<PublishingPause | null> {
    return this.pauses.get(query.tenantId, query.workspaceId, new Date());
  }
}
