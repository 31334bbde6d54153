import type { ConnectorOperation, MediaInput } from '@chorus/connector-sdk';
import type { AccountClient, BlueskyDeps } from '../bluesky-deps.js';
import type { BlueskyPostSettings } from '../config.js';
import type { StoredRecord } from '../records/account-repo.js';
import { POST_COLLECTION } from '../records/at-uri.js';
import { buildFacets } from '../richtext/build-facets.js';
import { handleResolver } from '../richtext/resolve-handle.js';
import type { PostRecord, ReplyRef } from '../xrpc/lexicon.js';
import { buildEmbed } from './build-embed.js';
import { postRecord } from './post-record.js';
import { postText } from './post-text.js';

export interface PostDraft {
  readonly text: string;
  readonly media: readonly MediaInput[];
  readonly link?: { readonly url: string };
}

export interface WriteOptions {
  /** The record key, derived from the caller's idempotency key. */
  readonly rkey: string;
  readonly reply?: ReplyRef;
  readonly settings: BlueskyPostSettings;
  readonly operation: ConnectorOperation;
}

/** One post written at its own key: facets resolved, media uploaded, card built, only if no attempt wrote it yet. */
export async function writePost(
  deps: BlueskyDeps,
  client: AccountClient,
  draft: PostDraft,
  options: WriteOptions,
): Promise<StoredRecord<PostRecord>> {
  const text = postText(draft);
  return client.repo.createOnce<PostRecord>(
    { collection: POST_COLLECTION, rkey: options.rkey },
    async () => {
      const facets = await buildFacets(text, handleResolver(client.xrpc, options.operation));
      const embed = await buildEmbed(deps, client, draft);
      return postRecord({ text, facets, embed, reply: options.reply }, options.settings, deps.now());
    },
    options.operation,
    // An earlier attempt wrote the same text; another post at a colliding key did not.
    (existing) => existing.text === text,
  );
}
