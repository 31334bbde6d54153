import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { POST_REPOSITORY, TEAM_REPOSITORY } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { PostComment, TeamRepository } from '../../ports/team-repository.port.js';
import { ListPostCommentsQuery } from './list-post-comments.query.js';

@QueryHandler(ListPostCommentsQuery)
export class ListPostCommentsHandler implements IQueryHandler<ListPostCommentsQuery> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(TEAM_REPOSITORY) private readonly team: TeamRepository,
  ) {}

  async execute(q: ListPostCommentsQuery): Promise<PostComment[]> {
    if ((await this.posts.find(q.tenantId, q.workspaceId, q.postId)) === null) {
      throw new ContentNotFoundError(`No post ${q.postId} in this workspace`);
    }
    return this.team.comments(q.tenantId, q.workspaceId, q.postId);
  }
}
