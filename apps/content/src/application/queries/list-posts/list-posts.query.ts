import { Query } from '@nestjs/cqrs';
import type { PostProps } from '../../../domain/post.aggregate.js';
import type { PostListFilter } from '../../ports/post-repository.port.js';

export class ListPostsQuery extends Query<PostProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly filter: PostListFilter,
  ) {
    super();
  }
}
