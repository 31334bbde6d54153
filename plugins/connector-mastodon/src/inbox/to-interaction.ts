import type { Interaction, InteractionKind } from '@chorus/connector-sdk';
import type { MastodonStatus } from '../api/entities.js';
import { htmlToText } from '../publish/status-text.js';

export interface InteractionPlace {
  readonly kind: InteractionKind;
  readonly conversationId: string;
  /** Set for webhook deliveries: the connected account the status is addressed to. */
  readonly channelAccountId?: string;
}

/** The fields of a status an interaction is made of; webhook payloads carry them too. */
export type InteractionStatus = Pick<
  MastodonStatus,
  'id' | 'created_at' | 'in_reply_to_id' | 'in_reply_to_account_id' | 'visibility' | 'url' | 'content'
> & {
  readonly account: Pick<MastodonStatus['account'], 'id' | 'acct' | 'display_name' | 'url'>;
};

/**
 * A mention notification's status as an interaction: direct visibility is a direct message, a reply to one of
 * the account's statuses is a comment, anything else a mention.
 */
export function classifyStatus(status: InteractionStatus, ownAccountId: string): InteractionKind {
  if (status.visibility === 'direct') {
    return 'direct-message';
  }
  if (status.in_reply_to_id !== null && status.in_reply_to_account_id === ownAccountId) {
    return 'comment';
  }
  return 'mention';
}

export function toInteraction(status: InteractionStatus, place: InteractionPlace): Interaction {
  return {
    remoteId: status.id,
    kind: place.kind,
    conversationId: place.conversationId,
    inReplyToRemoteId: status.in_reply_to_id,
    author: {
      remoteId: status.account.id,
      handle: status.account.acct,
      displayName: status.account.display_name || null,
      url: status.account.url,
    },
    text: htmlToText(status.content),
    createdAt: status.created_at,
    url: status.url,
    ...(place.channelAccountId === undefined ? {} : { channelAccountId: place.channelAccountId }),
  };
}
