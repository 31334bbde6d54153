import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import {
  ContentConflictError,
  ContentNotFoundError,
  InvalidContentInputError,
} from '../../../domain/content.errors.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { GetApprovalGateQuery } from '../../queries/get-approval-gate/get-approval-gate.query.js';
import { PreflightPostQuery } from '../../queries/preflight-post/preflight-post.query.js';
import type { PostWithWarnings } from '../edit-post/edit-post.command.js';
import { SchedulePostCommand } from './schedule-post.command.js';

/** Schedules a post (or moves it) once every target passes; otherwise a 400 listing every problem. */
@CommandHandler(SchedulePostCommand)
export class SchedulePostHandler implements ICommandHandler<SchedulePostCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: SchedulePostCommand): Promise<PostWithWarnings> {
    const post = await this.posts.find(data.tenantId, data.workspaceId, data.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    // A post that needs approval is refused until approved, not held (docs/adr/0022).
    const unapproved = await this.queries.execute(
      new GetApprovalGateQuery(data.tenantId, data.workspaceId, data.postId),
    );
    if (unapproved !== null) {
      throw new ContentConflictError(unapproved);
    }
    const now = new Date();
    const before = post.snapshot();
    const report = await this.queries.execute(new PreflightPostQuery(before, data.schedule, now));
    if (report.problems.length > 0) {
      throw new InvalidContentInputError(report.problems);
    }
    post.schedule(data.schedule, report.targets, data.by, now);
    await this.posts.save(post, before.revision);
    return { post: post.snapshot(), warnings: report.warnings };
  }
}
