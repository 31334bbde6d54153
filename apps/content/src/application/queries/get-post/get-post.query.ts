import { Query } from '@nestjs/cqrs';
import type { PostProps } from '../../../domain/post.aggregate.js';

export class GetPostQuery extends Query<PostProps> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
