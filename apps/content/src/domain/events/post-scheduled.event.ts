import type { PostProps } from '../post.aggregate.js';
import type { RenderedTarget } from '../rendered-target.value-object.js';

/** The post was put on the calendar, or its content or time changed while it was there. */
export class PostScheduledEvent {
  constructor(
    readonly post: PostProps,
    readonly targets: readonly RenderedTarget[],
  ) {}
}
