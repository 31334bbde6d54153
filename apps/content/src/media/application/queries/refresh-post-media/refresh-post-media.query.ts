import { Query } from '@nestjs/cqrs';
import type { ContentProblem } from '../../../../domain/content.errors.js';
import type { PostProps } from '../../../../domain/post.aggregate.js';

/**
 * A post's media from the library as it is now, before validation and scheduling: probed facts, each target's
 * network derivative where one was made, URLs signed until well after the publish time.
 */
export class RefreshPostMediaQuery extends Query<{ post: PostProps; problems: ContentProblem[] }> {
  constructor(
    readonly post: PostProps,
    /** Each target's network (by index), null when its channel is unknown. */
    readonly networks: readonly (string | null)[],
    readonly publishAt: Date,
  ) {
    super();
  }
}
