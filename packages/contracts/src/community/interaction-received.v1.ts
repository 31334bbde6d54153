import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id, Instant, NetworkId } from '../shared/primitives.js';

/**
 * A comment, reply, mention or direct message arrived on a channel. Carries no text and no author details:
 * personal data stays in the community service, where it can be exported and erased.
 */
export const interactionReceivedV1 = defineEvent({
  type: 'InteractionReceived',
  version: 1,
  source: 'community',
  payload: z
    .object({
      interactionId: Id,
      conversationId: Id,
      channelId: Id,
      network: NetworkId,
      kind: z.enum(['comment', 'reply', 'mention', 'direct-message']),
      remoteId: z.string().min(1).describe("The interaction's id on the network"),
      contactId: Id.describe('The author, as a contact of the workspace'),
      postId: Id.nullable().describe('Our post it responds to, when there is one'),
      targetId: Id.nullable(),
      sentiment: z.enum(['positive', 'neutral', 'negative', 'unknown']),
      writtenAt: Instant.describe('When the author wrote it, as the network reports'),
    })
    .describe('An inbound interaction, without its content'),
});

export type InteractionReceivedV1 = PayloadOf<typeof interactionReceivedV1>;
