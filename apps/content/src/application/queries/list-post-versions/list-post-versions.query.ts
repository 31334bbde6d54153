import { Query } from '@nestjs/cqrs';
import type { PostVersion } from '../../ports/approval-repository.port.js';

/** The post's content versions, oldest first. */
export class ListPostVersionsQuery extends Query<PostVersion[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
