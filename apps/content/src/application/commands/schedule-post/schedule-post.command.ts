import { Command } from '@nestjs/cqrs';
import type { PostSchedule } from '../../../domain/post.aggregate.js';
import type { PostWithWarnings } from '../edit-post/edit-post.command.js';

/** Schedules a draft, or moves a scheduled post (reschedule). */
export class SchedulePostCommand extends Command<PostWithWarnings> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      postId: string;
      schedule: PostSchedule;
      by: string;
    },
  ) {
    super();
  }
}
