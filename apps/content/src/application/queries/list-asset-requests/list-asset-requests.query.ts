import { Query } from '@nestjs/cqrs';
import type { AssetRequestProps } from '../../../domain/collaboration/asset-request.aggregate.js';
import type { AssetRequestFilter } from '../../ports/team-repository.port.js';

/** The workspace's asset requests (of a post, an assignee, a status), soonest due first. */
export class ListAssetRequestsQuery extends Query<AssetRequestProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly filter: AssetRequestFilter,
  ) {
    super();
  }
}
