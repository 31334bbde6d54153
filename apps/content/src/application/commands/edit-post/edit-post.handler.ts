import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { ContentNotFoundError, InvalidContentInputError } from '../../../domain/content.errors.js';
import { withTargetIds } from '../../../domain/post.aggregate.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { CheckDraftQuery } from '../../queries/check-draft/check-draft.query.js';
import { GetApprovalWorkflowQuery } from '../../queries/get-approval-workflow/get-approval-workflow.query.js';
import { PreflightPostQuery } from '../../queries/preflight-post/preflight-post.query.js';
import { EditPostCommand, type PostWithWarnings } from './edit-post.command.js';

/** Replaces a post's content. A scheduled post is checked again as a whole and rescheduled at the same time. */
@CommandHandler(EditPostCommand)
export class EditPostHandler implements ICommandHandler<EditPostCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: EditPostCommand): Promise<PostWithWarnings> {
    const post = await this.posts.find(data.tenantId, data.workspaceId, data.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    const problems = await this.queries.execute(
      new CheckDraftQuery(
        data.tenantId,
        data.workspaceId,
        data.content.targets.map((t) => t.channelId),
        data.content.campaignId,
      ),
    );
    if (problems.length > 0) {
      throw new InvalidContentInputError(problems);
    }
    const before = post.snapshot();
    const now = new Date();
    post.edit(withTargetIds(data.content, before.targets, uuidv7), data.expectedRevision, data.by, now);
    let warnings: PostWithWarnings['warnings'] = [];
    const needsApproval =
      before.schedule !== null &&
      (await this.queries.execute(new GetApprovalWorkflowQuery(data.tenantId, data.workspaceId))).steps
        .length > 0;
    if (needsApproval) {
      // The edit sends the post back for approval: off the calendar until approved again (docs/adr/0022).
      post.unschedule(post.snapshot().revision, data.by, now);
    } else if (before.schedule !== null) {
      const report = await this.queries.execute(
        new PreflightPostQuery(post.snapshot(), before.schedule, now),
      );
      if (report.problems.length > 0) {
        throw new InvalidContentInputError(report.problems);
      }
      post.schedule(before.schedule, report.targets, data.by, now);
      warnings = report.warnings;
    }
    await this.posts.save(post, before.revision);
    return { post: post.snapshot(), warnings };
  }
}
