import type { PostInput, RemotePostRef } from '../content/post.js';
import type { Credentials } from './credentials.js';

export interface PublishInput {
  /**
   * Chosen by the caller, the same for every attempt at one target: the connector passes it to the network's
   * duplicate protection (Mastodon Idempotency-Key, a Bluesky rkey derived from it).
   */
  readonly idempotencyKey: string;
  /** Chosen by the caller, recorded with the attempt, and given again to findPublished. */
  readonly fingerprint: string;
  readonly post: PostInput;
}

export interface PublishResult extends RemotePostRef {
  readonly publishedAt: string;
  /** The posts after the first of a thread, in order. */
  readonly thread?: readonly RemotePostRef[];
  readonly firstComment?: RemotePostRef;
}

export interface FindPublishedInput {
  readonly idempotencyKey: string;
  readonly fingerprint: string;
  readonly post: PostInput;
  /** ISO-8601 instants bounding when the attempt may have been applied. */
  readonly window: { readonly from: string; readonly to: string };
}

export type FindPublishedResult =
  | ({ readonly status: 'found'; readonly publishedAt: string } & RemotePostRef)
  | { readonly status: 'not-found' }
  /** The connector cannot tell (the lookup window is out of reach): a person must look. */
  | { readonly status: 'unknown'; readonly reason: string };

export interface DeleteInput {
  readonly remoteId: string;
}

export type PublishFn = (credentials: Credentials, input: PublishInput) => Promise<PublishResult>;
export type FindPublishedFn = (
  credentials: Credentials,
  input: FindPublishedInput,
) => Promise<FindPublishedResult>;
/** Deleting a post that is already gone succeeds, so that a retried delete is harmless. */
export type DeleteFn = (credentials: Credentials, input: DeleteInput) => Promise<void>;
