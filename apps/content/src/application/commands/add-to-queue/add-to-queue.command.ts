import { Command } from '@nestjs/cqrs';
import type { PostWithWarnings } from '../edit-post/edit-post.command.js';

/** Schedules a post at the next free slot of its first target channel's queue. */
export class AddToQueueCommand extends Command<PostWithWarnings> {
  constructor(readonly data: { tenantId: string; workspaceId: string; postId: string; by: string }) {
    super();
  }
}
