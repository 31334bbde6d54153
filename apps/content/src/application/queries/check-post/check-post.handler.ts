import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { ScheduleReport } from '../../../domain/schedule-checks.value-object.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { PreflightPostQuery } from '../preflight-post/preflight-post.query.js';
import { CheckPostQuery } from './check-post.query.js';

@QueryHandler(CheckPostQuery)
export class CheckPostHandler implements IQueryHandler<CheckPostQuery> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: CheckPostQuery): Promise<ScheduleReport> {
    const post = await this.posts.find(query.tenantId, query.workspaceId, query.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${query.postId} in this workspace`);
    }
    const snapshot = post.snapshot();
    return this.queries.execute(new PreflightPostQuery(snapshot, snapshot.schedule, new Date()));
  }
}
