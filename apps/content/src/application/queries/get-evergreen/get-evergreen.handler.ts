import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVERGREEN_REPOSITORY } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { EvergreenRepository } from '../../ports/evergreen-repository.port.js';
import { GetEvergreenQuery, type EvergreenView } from './get-evergreen.query.js';

@QueryHandler(GetEvergreenQuery)
export class GetEvergreenHandler implements IQueryHandler<GetEvergreenQuery> {
  constructor(@Inject(EVERGREEN_REPOSITORY) private readonly evergreen: EvergreenRepository) {}

  async execute(q: GetEvergreenQuery): Promise<EvergreenView> {
    const setting = await this.evergreen.find(q.tenantId, q.workspaceId, q.postId);
    if (setting === null) {
      throw new ContentNotFoundError(`Post ${q.postId} is not evergreen in this workspace`);
    }
    return { setting, requeues: await this.evergreen.requeues(q.tenantId, q.postId) };
  }
}
