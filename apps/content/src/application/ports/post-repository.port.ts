import type { Post, PostStatus } from '../../domain/post.aggregate.js';

export interface PostListFilter {
  readonly status?: PostStatus;
  readonly campaignId?: string;
}

export interface PostRepository {
  /** Inserts a new post, with the events it recorded, in one transaction. */
  add(post: Post): Promise<void>;
  /** Stores the post and its recorded events in one transaction; a conflict if the revision moved meanwhile. */
  save(post: Post, previousRevision: number): Promise<void>;
  find(tenantId: string, workspaceId: string, postId: string): Promise<Post | null>;
  list(tenantId: string, workspaceId: string, filter: PostListFilter): Promise<Post[]>;
  /** Scheduled posts due in [from, to), by time. */
  scheduledBetween(tenantId: string, workspaceId: string, from: Date, to: Date): Promise<Post[]>;
  /** The instants (ms) at which scheduled posts target this channel, in [from, to). */
  takenInstants(tenantId: string, channelId: string, from: Date, to: Date): Promise<Set<number>>;
}
