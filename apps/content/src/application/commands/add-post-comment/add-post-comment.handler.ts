import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { POST_REPOSITORY, TEAM_REPOSITORY } from '../../../content.tokens.js';
import { MAX_MENTIONS, mentionsIn } from '../../../domain/collaboration/comment-mentions.value-object.js';
import { ContentNotFoundError, InvalidContentInputError } from '../../../domain/content.errors.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { PostComment, TeamRepository } from '../../ports/team-repository.port.js';
import { AddPostCommentCommand } from './add-post-comment.command.js';

@CommandHandler(AddPostCommentCommand)
export class AddPostCommentHandler implements ICommandHandler<AddPostCommentCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(TEAM_REPOSITORY) private readonly team: TeamRepository,
  ) {}

  async execute({ data }: AddPostCommentCommand): Promise<PostComment> {
    if ((await this.posts.find(data.tenantId, data.workspaceId, data.postId)) === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    const mentions = mentionsIn(data.body);
    if (mentions.length > MAX_MENTIONS) {
      throw InvalidContentInputError.of(
        'body',
        `mentions ${mentions.length} members; at most ${MAX_MENTIONS} per comment`,
      );
    }
    const comment: PostComment = {
      id: uuidv7(),
      tenantId: data.tenantId,
      workspaceId: data.workspaceId,
      postId: data.postId,
      body: data.body,
      mentions,
      authorId: data.by,
      createdAt: new Date(),
    };
    await this.team.addComment(comment);
    return comment;
  }
}
