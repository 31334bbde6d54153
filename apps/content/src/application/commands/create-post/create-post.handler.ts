import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import { Post, withTargetIds, type PostProps } from '../../../domain/post.aggregate.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { CheckDraftQuery } from '../../queries/check-draft/check-draft.query.js';
import { CreatePostCommand } from './create-post.command.js';

@CommandHandler(CreatePostCommand)
export class CreatePostHandler implements ICommandHandler<CreatePostCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: CreatePostCommand): Promise<PostProps> {
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
    const post = Post.createDraft(
      { id: uuidv7(), tenantId: data.tenantId, workspaceId: data.workspaceId, createdBy: data.createdBy },
      withTargetIds(data.content, [], uuidv7),
      new Date(),
    );
    await this.posts.add(post);
    return post.snapshot();
  }
}
