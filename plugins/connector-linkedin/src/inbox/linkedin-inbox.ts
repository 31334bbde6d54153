import {
  InvalidContentError,
  isConnectorError,
  z,
  type Credentials,
  type InboxCapability,
  type InboxPage,
  type Interaction,
} from '@chorus/connector-sdk';
import { unreadable } from '../api/linkedin-api.js';
import { encodeUrn, isOrganization, parseCommentUrn } from '../api/urn.js';
import { authorOf, type LinkedinDeps } from '../linkedin-deps.js';
import { comment } from '../publish/linkedin-publisher.js';
import { createLinkedinWebhook } from './linkedin-webhook.js';
import { readNotificationWindow } from './notification-window.js';
import { interactionSkeleton, readInteraction } from './notification.js';

const RETENTION_MS = 60 * 86_400_000;

/** Where the next pull starts: the newest notification time seen, and the ids seen at that time. */
interface Cursor {
  readonly since: number;
  readonly seen: readonly number[];
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(raw: string | null): Cursor | null {
  if (raw === null) {
    return null;
  }
  try {
    return z
      .object({ since: z.number(), seen: z.array(z.number()) })
      .parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch (cause) {
    throw new InvalidContentError(
      'The inbox cursor is not one this connector gave out; pull again with a null cursor.',
      [],
      { cause },
    );
  }
}

/**
 * Page comments and mentions from `organizationalEntityNotifications` (network-apis.md 6.4, 60-day retention),
 * replies and deletes through `socialActions`, likes through `reactions`. LinkedIn has no API for a member's own notifications, no
 * direct messages and no hiding of comments (6.4).
 */
export function createLinkedinInbox(deps: LinkedinDeps): InboxCapability {
  return {
    async pull(credentials, request): Promise<InboxPage> {
      const cursor = decodeCursor(request.cursor);
      const org = authorOf(credentials);
      if (!isOrganization(org)) {
        return { interactions: [], cursor: request.cursor }; // members have no notifications API (6.4)
      }
      const now = deps.context.clock.now().getTime();
      const since = Math.max(cursor?.since ?? 0, now - RETENTION_MS + 60_000);
      const api = deps.api(credentials);
      const window = await readNotificationWindow(api, org, since, now + 1);
      const notifications = window.notifications;
      const fresh = notifications
        .filter(
          (item) => !(cursor?.seen.includes(item.notificationId) && item.lastModifiedAt === cursor.since),
        )
        .sort((a, b) => a.lastModifiedAt - b.lastModifiedAt || a.notificationId - b.notificationId);
      const interactions: Interaction[] = [];
      for (const notification of fresh) {
        const skeleton = interactionSkeleton(notification);
        const full = skeleton ? await readOrClassify(deps, credentials, skeleton) : null;
        if (full) {
          interactions.push(full);
        }
      }
      const newest = fresh.at(-1)?.lastModifiedAt;
      if (newest === undefined) {
        // A window cut short (too many notifications) was read whole: the next pull starts where it ended.
        const next = window.complete ? (request.cursor ?? encodeCursor({ since, seen: [] })) : null;
        return { interactions, cursor: next ?? encodeCursor({ since: window.end, seen: [] }) };
      }
      const seenAtNewest = [
        ...(newest === cursor?.since ? cursor.seen : []),
        ...fresh.filter((item) => item.lastModifiedAt === newest).map((item) => item.notificationId),
      ];
      return { interactions, cursor: encodeCursor({ since: newest, seen: seenAtNewest }) };
    },

    async reply(credentials, input) {
      const { to } = input;
      if (to.kind === 'mention') {
        return comment(deps, credentials, to.remoteId, input.text, null);
      }
      const target = parseCommentUrn(to.remoteId);
      if (!target) {
        throw new InvalidContentError(`${to.remoteId} is not a LinkedIn comment URN`);
      }
      // LinkedIn nests one level: an answer to a reply joins that reply's thread.
      const parent =
        to.inReplyToRemoteId && parseCommentUrn(to.inReplyToRemoteId) ? to.inReplyToRemoteId : to.remoteId;
      return comment(deps, credentials, target.post, input.text, parent);
    },

    /** A LIKE reaction as the channel (6.4); one already there counts as done (409). */
    async like(credentials, input) {
      await deps.api(credentials).call({
        operation: 'inbox.like',
        endpoint: 'reactions.create',
        method: 'POST',
        path: `/rest/reactions?actor=${encodeUrn(authorOf(credentials))}`,
        json: { root: input.remoteId, reactionType: 'LIKE' },
        accept: [409],
      });
    },

    async delete(credentials, input) {
      const target = parseCommentUrn(input.remoteId);
      if (!target) {
        throw new InvalidContentError(
          `${input.remoteId} is not a LinkedIn comment URN; only comments can be deleted.`,
        );
      }
      await deps.api(credentials).call({
        operation: 'inbox.delete',
        endpoint: 'comments.delete',
        method: 'DELETE',
        path: `/rest/socialActions/${encodeUrn(target.post)}/comments/${encodeURIComponent(target.id)}?actor=${encodeUrn(authorOf(credentials))}`,
        accept: [404],
      });
    },

    webhook: createLinkedinWebhook(deps),
  };
}

async function readOrClassify(
  deps: LinkedinDeps,
  credentials: Credentials,
  skeleton: Interaction,
): Promise<Interaction | null> {
  try {
    return await readInteraction(deps.api(credentials), skeleton);
  } catch (error) {
    if (isConnectorError(error)) {
      throw error;
    }
    throw unreadable(
      { operation: 'inbox.pull', endpoint: 'comments.read', path: skeleton.remoteId },
      'a comment or post without its fields',
      error,
    );
  }
}
