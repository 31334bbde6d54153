import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PostProps } from '../../../domain/post.aggregate.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { ListPostsQuery } from './list-posts.query.js';

@QueryHandler(ListPostsQuery)
export class ListPostsHandler implements IQueryHandler<ListPostsQuery> {
  constructor(@Inject(POST_REPOSITORY) private readonly posts: PostRepository) {}

  async execute(query: ListPostsQuery): Promise<PostProps[]> {
    const posts = await this.posts.list(query.tenantId, query.workspaceId, query.filter);
    return posts.map((p) => p.snapshot());
  }
}
