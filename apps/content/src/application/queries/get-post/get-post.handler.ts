import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { PostProps } from '../../../domain/post.aggregate.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { GetPostQuery } from './get-post.query.js';

@QueryHandler(GetPostQuery)
export class GetPostHandler implements IQueryHandler<GetPostQuery> {
  constructor(@Inject(POST_REPOSITORY) private readonly posts: PostRepository) {}

  async execute(query: GetPostQuery): Promise<PostProps> {
    const post = await this.posts.find(query.tenantId, query.workspaceId, query.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${query.postId} in this workspace`);
    }
    return post.snapshot();
  }
}
