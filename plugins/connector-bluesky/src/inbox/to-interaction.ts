import type { Interaction, InteractionKind } from '@chorus/connector-sdk';
import { postWebUrl, profileWebUrl } from '../records/at-uri.js';
import type { Notification } from '../xrpc/lexicon.js';

/** The notification reasons the inbox reads, and what each is in the SDK's words. */
export const INBOX_REASONS: Readonly<Record<string, InteractionKind>> = {
  reply: 'comment',
  mention: 'mention',
  // A quote talks about the account's post to the quoter's followers: closest to a mention.
  quote: 'mention',
};

/** A reply, mention or quote notification as an interaction; its conversation is the thread's root post. */
export function toInteraction(notification: Notification, webUrl: string): Interaction {
  const { record, author } = notification;
  return {
    remoteId: notification.uri,
    kind: INBOX_REASONS[notification.reason] ?? 'mention',
    conversationId: record.reply?.root.uri ?? notification.uri,
    inReplyToRemoteId: record.reply?.parent.uri ?? null,
    author: {
      remoteId: author.did,
      handle: author.handle,
      displayName: author.displayName || null,
      url: profileWebUrl(webUrl, author.handle),
    },
    text: record.text ?? '',
    createdAt: record.createdAt ?? notification.indexedAt,
    url: postWebUrl(webUrl, author.handle, notification.uri),
  };
}
