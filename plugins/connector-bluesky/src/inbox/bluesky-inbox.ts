import {
  InvalidContentError,
  type Credentials,
  type InboxCapability,
  type InboxPage,
} from '@chorus/connector-sdk';
import type { AccountClient, BlueskyDeps } from '../bluesky-deps.js';
import { blueskyPostSettingsSchema } from '../config.js';
import { LIKE_COLLECTION, postWebUrl } from '../records/at-uri.js';
import { likeKeyFor, recordKeyFor } from '../records/record-key.js';
import { postViews } from '../records/post-views.js';
import { writePost } from '../publish/write-post.js';
import type { ListNotificationsOutput, Notification, PostView } from '../xrpc/lexicon.js';
import { hideReply } from './hide-reply.js';
import { advance, decodeCursor, encodeCursor, isAfter } from './inbox-cursor.js';
import { INBOX_REASONS, toInteraction } from './to-interaction.js';

const PAGE = 100;

/**
 * The inbox from notifications (replies, mentions, quotes; network-apis.md 11.3), read newest first and
 * returned oldest first from where the last pull stopped. Bluesky has no webhooks: the host polls.
 */
export function createBlueskyInbox(deps: BlueskyDeps): InboxCapability {
  return {
    async pull(credentials, request): Promise<InboxPage> {
      const { xrpc } = deps.pds(credentials);
      const since = decodeCursor(request.cursor);
      const limit = Math.min(request.limit ?? PAGE, PAGE);
      const fresh = new Map<string, Notification>();
      let cursor: string | undefined;
      // The first pull reads the latest page only: older history is not an inbox.
      const pages = since === null ? 1 : deps.config.inboxPages;
      for (let page = 0; page < pages; page += 1) {
        const body = await xrpc.call<ListNotificationsOutput>({
          operation: 'inbox.pull',
          endpoint: 'notifications.list',
          nsid: 'app.bsky.notification.listNotifications',
          params: { limit, reasons: Object.keys(INBOX_REASONS), cursor },
        });
        const newer = body.notifications.filter((item) => isAfter(since, item.indexedAt, item.uri));
        for (const item of newer) {
          // A reply that also mentions the account arrives twice; the reply says more.
          if (!fresh.has(item.uri) || item.reason === 'reply') {
            fresh.set(item.uri, item);
          }
        }
        if (!body.cursor || newer.length < body.notifications.length || body.notifications.length === 0) {
          break;
        }
        if (page === pages - 1) {
          deps.context.logger.warn(
            'Bluesky inbox: more new notifications than one pull reads; older ones are skipped',
            {
              pages,
            },
          );
        }
        cursor = body.cursor;
      }
      const items = [...fresh.values()].filter((item) => INBOX_REASONS[item.reason] !== undefined);
      items.sort((a, b) => Date.parse(a.indexedAt) - Date.parse(b.indexedAt) || a.uri.localeCompare(b.uri));
      return {
        interactions: items.map((item) => toInteraction(item, deps.config.webUrl)),
        cursor: encodeCursor(advance(since, [...fresh.values()])),
      };
    },

    async reply(credentials, input) {
      const client = deps.pds(credentials);
      const parent = await viewOf(client, input.to.remoteId, 'inbox.reply');
      const parentRef = { uri: parent.uri, cid: parent.cid };
      const written = await writePost(
        deps,
        client,
        { text: input.text, media: [] },
        {
          rkey: recordKeyFor(input.idempotencyKey),
          reply: { root: parent.record.reply?.root ?? parentRef, parent: parentRef },
          settings: blueskyPostSettingsSchema.parse({}),
          operation: 'inbox.reply',
        },
      );
      return {
        remoteId: written.uri,
        url: postWebUrl(deps.config.webUrl, client.account.handle, written.uri),
      };
    },

    async like(credentials, input) {
      const client = deps.pds(credentials);
      const post = await viewOf(client, input.remoteId, 'inbox.like');
      // One like per post, at a key derived from the post: liking again finds the like already there.
      await client.repo.createOnce(
        { collection: LIKE_COLLECTION, rkey: likeKeyFor(post.uri) },
        () =>
          Promise.resolve({
            $type: LIKE_COLLECTION,
            subject: { uri: post.uri, cid: post.cid },
            createdAt: deps.now(),
          }),
        'inbox.like',
      );
    },

    async hide(credentials: Credentials, input) {
      const client = deps.pds(credentials);
      const reply = await viewOf(client, input.remoteId, 'inbox.hide');
      await hideReply(deps, client, reply, input.hidden);
    },
  };
}

async function viewOf(
  client: AccountClient,
  uri: string,
  operation: 'inbox.reply' | 'inbox.like' | 'inbox.hide',
): Promise<PostView> {
  const view = (await postViews(client.xrpc, [uri], operation)).get(uri);
  if (!view) {
    throw new InvalidContentError(
      `The Bluesky post ${uri} no longer exists (deleted or hidden from the account).`,
    );
  }
  return view;
}
