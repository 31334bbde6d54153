import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TEAM_REPOSITORY } from '../../../content.tokens.js';
import type { AssetRequestProps } from '../../../domain/collaboration/asset-request.aggregate.js';
import type { TeamRepository } from '../../ports/team-repository.port.js';
import { ListAssetRequestsQuery } from './list-asset-requests.query.js';

@QueryHandler(ListAssetRequestsQuery)
export class ListAssetRequestsHandler implements IQueryHandler<ListAssetRequestsQuery> {
  constructor(@Inject(TEAM_REPOSITORY) private readonly team: TeamRepository) {}

  async execute(q: ListAssetRequestsQuery): Promise<AssetRequestProps[]> {
    const requests = await this.team.assetRequests(q.tenantId, q.workspaceId, q.filter);
    return requests.map((r) => r.snapshot());
  }
}
