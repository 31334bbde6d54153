import { Query } from '@nestjs/cqrs';
import type { PostComment } from '../../ports/team-repository.port.js';

/** A post's internal comments, oldest first. */
export class ListPostCommentsQuery extends Query<PostComment[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
