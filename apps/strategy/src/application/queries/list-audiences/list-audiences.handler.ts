import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AudienceProps } from '../../../domain/audience.aggregate.js';
import { AUDIENCE_REPOSITORY } from '../../../strategy.tokens.js';
import type { AudienceRepository } from '../../ports/audience-repository.port.js';
import { ListAudiencesQuery } from './list-audiences.query.js';

@QueryHandler(ListAudiencesQuery)
export class ListAudiencesHandler implements IQueryHandler<ListAudiencesQuery> {
  constructor(@Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository) {}

  async execute(query: ListAudiencesQuery): Promise<AudienceProps[]> {
    return (await this.audiences.listByWorkspace(query.tenantId, query.workspaceId)).map((a) => a.snapshot());
  }
}
