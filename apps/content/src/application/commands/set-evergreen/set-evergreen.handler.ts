import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVERGREEN_REPOSITORY,
  POST_REPOSITORY,
  QUEUE_REPOSITORY,
  UNIT_OF_WORK,
} from '../../../content.tokens.js';
import {
  ContentConflictError,
  ContentNotFoundError,
  InvalidContentInputError,
} from '../../../domain/content.errors.js';
import {
  checkEvergreenPolicy,
  startEvergreen,
  type EvergreenSetting,
} from '../../../domain/evergreen/evergreen-setting.value-object.js';
import type { EvergreenRepository } from '../../ports/evergreen-repository.port.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { QueueRepository } from '../../ports/queue-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { SetEvergreenCommand } from './set-evergreen.command.js';

/** The post must be a person's (not a re-queue) and its first channel must have queue slots to come back in. */
@CommandHandler(SetEvergreenCommand)
export class SetEvergreenHandler implements ICommandHandler<SetEvergreenCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(QUEUE_REPOSITORY) private readonly queues: QueueRepository,
    @Inject(EVERGREEN_REPOSITORY) private readonly evergreen: EvergreenRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ data }: SetEvergreenCommand): Promise<EvergreenSetting> {
    const now = new Date();
    const problems = checkEvergreenPolicy(data.policy, now);
    if (problems.length > 0) {
      throw new InvalidContentInputError(problems);
    }
    const post = await this.posts.find(data.tenantId, data.workspaceId, data.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    const p = post.snapshot();
    if (p.origin?.kind === 'evergreen') {
      throw new ContentConflictError(
        `This post is re-queue ${p.origin.requeue} of post ${p.origin.sourcePostId}; set evergreen on that post`,
      );
    }
    const channelId = p.targets[0]?.channelId;
    if (channelId === undefined) {
      throw new ContentConflictError('The post has no channel; add one before making it evergreen');
    }
    const queue = await this.queues.find(data.tenantId, data.workspaceId, channelId);
    if (queue === null || queue.slots.length === 0) {
      throw new ContentConflictError(
        `Channel ${channelId} has no queue slots for the post to come back in; set them with PUT /queues`,
      );
    }
    // Under the row lock a planner run holds while it re-queues, so the count it just raised is not lost.
    return this.unitOfWork.run(data.tenantId, async () => {
      const existing = await this.evergreen.lockForRun(data.tenantId, data.postId);
      const setting = startEvergreen(
        existing,
        { postId: data.postId, tenantId: data.tenantId, workspaceId: data.workspaceId },
        data.policy,
        data.by,
        now,
      );
      await this.evergreen.save(setting);
      return setting;
    });
  }
}
