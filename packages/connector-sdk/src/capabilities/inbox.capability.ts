import type { InteractionKind } from '../manifest/capabilities.schema.js';
import type { RemotePostRef } from '../content/post.js';
import type { Credentials } from './credentials.js';

export interface InteractionAuthor {
  readonly remoteId: string;
  readonly handle: string;
  readonly displayName: string | null;
  readonly url: string | null;
}

/** A comment, mention or direct message arriving on a channel. */
export interface Interaction {
  readonly remoteId: string;
  readonly kind: InteractionKind;
  /** Groups interactions: the root post of a comment thread, or the direct-message conversation. */
  readonly conversationId: string;
  readonly inReplyToRemoteId: string | null;
  readonly author: InteractionAuthor;
  readonly text: string;
  readonly createdAt: string;
  readonly url: string | null;
  /**
   * The channel's own account this interaction is addressed to, as its `Credentials.accountId` spells it.
   * Webhook parsers set it: one delivery is not tied to one connected account, and the platform routes each
   * interaction to the channel of this account. Pulls may leave it out (the credentials name the account).
   */
  readonly channelAccountId?: string;
}

export interface InboxPullRequest {
  /** The cursor a previous pull returned; null the first time. */
  readonly cursor: string | null;
  readonly limit?: number;
}

export interface InboxPage {
  /** Oldest first. */
  readonly interactions: readonly Interaction[];
  /** Opaque; give it to the next pull. Unchanged when nothing arrived. */
  readonly cursor: string | null;
}

export interface WebhookRequest {
  /** The exact bytes received: signatures are computed over them, never over re-serialised JSON. */
  readonly rawBody: Uint8Array;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query?: Readonly<Record<string, string | undefined>>;
}

export interface WebhookCapability {
  /** Constant-time check of the network's signature; false for anything not proven genuine. */
  verify(request: WebhookRequest): boolean;
  parse(request: WebhookRequest): Interaction[];
  /** The answer to a subscription handshake (Meta hub.challenge, X crc_token), when the network has one. */
  challenge?(request: WebhookRequest): { status: number; body: string; contentType: string } | null;
  /**
   * Fills in an interaction its delivery only names by id (Instagram `mentions` carry a media and comment id),
   * with the credentials of the channel it was routed to; anything else comes back unchanged. Hosts call it,
   * when present, before storing what `parse` returned (ADR 0021).
   */
  complete?(credentials: Credentials, interaction: Interaction): Promise<Interaction>;
}

export interface ReplyInput {
  readonly to: Interaction;
  readonly text: string;
  readonly idempotencyKey: string;
}

export interface InboxCapability {
  pull?(credentials: Credentials, request: InboxPullRequest): Promise<InboxPage>;
  readonly webhook?: WebhookCapability;
  reply?(credentials: Credentials, input: ReplyInput): Promise<RemotePostRef>;
  hide?(
    credentials: Credentials,
    input: { readonly remoteId: string; readonly hidden: boolean },
  ): Promise<void>;
  like?(credentials: Credentials, input: { readonly remoteId: string }): Promise<void>;
  /** Removes someone's comment for good; resolves when it is gone (already gone counts as deleted). */
  delete?(credentials: Credentials, input: { readonly remoteId: string }): Promise<void>;
}
