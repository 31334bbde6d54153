import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { PostProps } from '../../../domain/post.aggregate.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { DuplicatePostCommand } from './duplicate-post.command.js';

@CommandHandler(DuplicatePostCommand)
export class DuplicatePostHandler implements ICommandHandler<DuplicatePostCommand> {
  constructor(@Inject(POST_REPOSITORY) private readonly posts: PostRepository) {}

  async execute({ data }: DuplicatePostCommand): Promise<PostProps> {
    const original = await this.posts.find(data.tenantId, data.workspaceId, data.postId);
    if (original === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    const copy = original.duplicate(
      { id: uuidv7(), targetIds: original.snapshot().targets.map(() => uuidv7()) },
      data.by,
      new Date(),
    );
    await this.posts.add(copy);
    return copy.snapshot();
  }
}
