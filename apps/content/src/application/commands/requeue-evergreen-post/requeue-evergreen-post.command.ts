import { Command } from '@nestjs/cqrs';

export type RequeueOutcome =
  | { readonly kind: 'requeued'; readonly postId: string; readonly publishAt: Date }
  | { readonly kind: 'waiting'; readonly why: string }
  | { readonly kind: 'stopped'; readonly why: string };

/**
 * Puts an evergreen post back in its first channel's queue when its last appearance is published: a new post
 * (re-queue n) at the first free slot after the minimum gap. Never while a re-queue is pending.
 */
export class RequeueEvergreenPostCommand extends Command<RequeueOutcome> {
  constructor(
    readonly tenantId: string,
    readonly postId: string,
  ) {
    super();
  }
}
