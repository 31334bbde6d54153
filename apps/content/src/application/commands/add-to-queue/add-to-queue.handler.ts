import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ContentConflictError, ContentNotFoundError } from '../../../domain/content.errors.js';
import { QUEUE_HORIZON_DAYS, nextFreeSlot } from '../../../domain/queue-slot.value-object.js';
import { POST_REPOSITORY, QUEUE_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { QueueRepository } from '../../ports/queue-repository.port.js';
import type { PostWithWarnings } from '../edit-post/edit-post.command.js';
import { SchedulePostCommand } from '../schedule-post/schedule-post.command.js';
import { AddToQueueCommand } from './add-to-queue.command.js';

/**
 * The queue of the post's first target decides the time (a slot no other scheduled post of that channel
 * holds); then it is scheduled like any other post, with every check.
 */
@CommandHandler(AddToQueueCommand)
export class AddToQueueHandler implements ICommandHandler<AddToQueueCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(QUEUE_REPOSITORY) private readonly queues: QueueRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ data }: AddToQueueCommand): Promise<PostWithWarnings> {
    const post = await this.posts.find(data.tenantId, data.workspaceId, data.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    const channelId = post.snapshot().targets[0]?.channelId;
    if (channelId === undefined) {
      throw new ContentConflictError('The post has no channel; add one before queueing it');
    }
    const queue = await this.queues.find(data.tenantId, data.workspaceId, channelId);
    if (queue === null || queue.slots.length === 0) {
      throw new ContentConflictError(`Channel ${channelId} has no queue slots; set them with PUT /queues`);
    }
    const now = new Date();
    const horizon = new Date(now.getTime() + (QUEUE_HORIZON_DAYS + 2) * 86_400_000);
    const taken = await this.posts.takenInstants(data.tenantId, channelId, now, horizon);
    const slot = nextFreeSlot(queue, now, taken);
    if (slot === null) {
      throw new ContentConflictError(
        `Every slot of channel ${channelId}'s queue is taken for the next ${QUEUE_HORIZON_DAYS} days`,
      );
    }
    return this.commands.execute(
      new SchedulePostCommand({
        tenantId: data.tenantId,
        workspaceId: data.workspaceId,
        postId: data.postId,
        schedule: { publishAt: slot, timeZone: queue.timeZone },
        by: data.by,
      }),
    );
  }
}
