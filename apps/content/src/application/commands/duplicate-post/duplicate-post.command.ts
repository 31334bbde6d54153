import { Command } from '@nestjs/cqrs';
import type { PostProps } from '../../../domain/post.aggregate.js';

export class DuplicatePostCommand extends Command<PostProps> {
  constructor(readonly data: { tenantId: string; workspaceId: string; postId: string; by: string }) {
    super();
  }
}
