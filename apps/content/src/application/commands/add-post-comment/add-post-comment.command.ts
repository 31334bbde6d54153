import { Command } from '@nestjs/cqrs';
import type { PostComment } from '../../ports/team-repository.port.js';

/** An internal comment on a post; the members it mentions (`@<member id>`) are notified. */
export class AddPostCommentCommand extends Command<PostComment> {
  constructor(
    readonly data: { tenantId: string; workspaceId: string; postId: string; body: string; by: string },
  ) {
    super();
  }
}
