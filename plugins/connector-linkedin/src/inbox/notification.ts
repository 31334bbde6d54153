import { z, type Interaction } from '@chorus/connector-sdk';
import { readAnswer, type LinkedinApi } from '../api/linkedin-api.js';
import { readLittleText } from '../api/little-text.js';
import { encodeUrn, postPermalink } from '../api/urn.js';

/** One organization social action (network-apis.md 6.4), as the finder and webhooks give it. */
export const notificationSchema = z.object({
  notificationId: z.number(),
  organizationalEntity: z.string(),
  action: z.string(),
  sourcePost: z.string(),
  generatedActivity: z.string(),
  lastModifiedAt: z.number(),
});

export type LinkedinNotification = z.output<typeof notificationSchema>;

/** The actions that are inbox interactions; likes, reshares and edits are not. */
export const INBOX_ACTIONS: Record<string, Interaction['kind']> = {
  COMMENT: 'comment',
  SHARE_MENTION: 'mention',
};

const comments = z.object({
  elements: z.array(
    z.object({
      commentUrn: z.string().optional(),
      $URN: z.string().optional(),
      actor: z.string(),
      message: z.object({ text: z.string() }),
      parentComment: z.string().optional(),
      created: z.object({ time: z.number() }).optional(),
    }),
  ),
  paging: z.object({ start: z.number(), count: z.number(), total: z.number().optional() }).optional(),
});
const post = z.object({
  id: z.string(),
  author: z.string(),
  commentary: z.string().optional(),
  createdAt: z.number().optional(),
});

const authorFrom = (urn: string) => ({ remoteId: urn, handle: urn, displayName: null, url: null });

/**
 * An interaction from a notification, ids only: what a webhook delivery carries. `readInteraction` fills in
 * the text and author.
 */
export function interactionSkeleton(notification: LinkedinNotification): Interaction | null {
  const kind = INBOX_ACTIONS[notification.action];
  if (!kind) {
    return null;
  }
  const isComment = kind === 'comment';
  return {
    remoteId: notification.generatedActivity,
    kind,
    conversationId: isComment ? notification.sourcePost : notification.generatedActivity,
    inReplyToRemoteId: isComment ? notification.sourcePost : null,
    author: authorFrom(''),
    text: '',
    createdAt: new Date(notification.lastModifiedAt).toISOString(),
    url: postPermalink(isComment ? notification.sourcePost : notification.generatedActivity),
    channelAccountId: notification.organizationalEntity,
  };
}

/** Reads the comment or the mentioning post; null when it is gone (deleted since). */
export async function readInteraction(api: LinkedinApi, skeleton: Interaction): Promise<Interaction | null> {
  if (skeleton.kind === 'mention') {
    const call = {
      operation: 'inbox.pull',
      endpoint: 'posts.read',
      path: `/rest/posts/${encodeUrn(skeleton.remoteId)}`,
      accept: [404],
    } as const;
    const found = await api.call(call);
    if (found.status === 404) {
      return null;
    }
    const mention = readAnswer(call, found, (value) => post.parse(value));
    return {
      ...skeleton,
      author: authorFrom(mention.author),
      text: readLittleText(mention.commentary ?? ''),
    };
  }
  const postUrn = skeleton.conversationId;
  for (let start = 0; start < 10_000; start += 100) {
    const call = {
      operation: 'inbox.pull',
      endpoint: 'comments.read',
      path: `/rest/socialActions/${encodeUrn(postUrn)}/comments?start=${start}&count=100`,
      accept: [404],
    } as const;
    const listed = await api.call(call);
    if (listed.status === 404) {
      return null;
    }
    const page = readAnswer(call, listed, (value) => comments.parse(value));
    const found = page.elements.find((item) => (item.commentUrn ?? item.$URN) === skeleton.remoteId);
    if (found) {
      return {
        ...skeleton,
        author: authorFrom(found.actor),
        text: found.message.text,
        inReplyToRemoteId: found.parentComment ?? postUrn,
        createdAt: found.created ? new Date(found.created.time).toISOString() : skeleton.createdAt,
      };
    }
    if (page.elements.length < 100) {
      return null;
    }
  }
  return null;
}
