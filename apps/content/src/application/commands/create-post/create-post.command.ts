import { Command } from '@nestjs/cqrs';
import type { PostContentInput, PostProps } from '../../../domain/post.aggregate.js';

export class CreatePostCommand extends Command<PostProps> {
  constructor(
    readonly data: { tenantId: string; workspaceId: string; createdBy: string; content: PostContentInput },
  ) {
    super();
  }
}
