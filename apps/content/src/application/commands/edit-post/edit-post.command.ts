import { Command } from '@nestjs/cqrs';
import type { ContentProblem } from '../../../domain/content.errors.js';
import type { PostContentInput, PostProps } from '../../../domain/post.aggregate.js';

export interface PostWithWarnings {
  readonly post: PostProps;
  readonly warnings: readonly ContentProblem[];
}

export class EditPostCommand extends Command<PostWithWarnings> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      postId: string;
      expectedRevision: number;
      by: string;
      content: PostContentInput;
    },
  ) {
    super();
  }
}
