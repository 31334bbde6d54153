import { z } from 'zod';
import type { InteractionView } from '../../../application/ports/interaction-repository.port.js';

export const ListInteractionsParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size, 1 to 100 (default 20)'),
  before: z
    .uuid()
    .optional()
    .describe('The nextCursor of the previous page: interactions received before that one'),
});

export type ListInteractionsParams = z.infer<typeof ListInteractionsParams>;

export const InteractionDto = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  network: z.string(),
  remoteId: z.string(),
  kind: z.enum(['comment', 'mention', 'direct-message']),
  conversationId: z.uuid(),
  contactId: z.uuid(),
  inReplyToRemoteId: z.string().nullable(),
  author: z.object({
    remoteId: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    url: z.string().nullable(),
  }),
  text: z.string(),
  url: z.string().nullable(),
  writtenAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
});

export type InteractionDto = z.infer<typeof InteractionDto>;

export const InteractionListDto = z.object({
  items: z.array(InteractionDto),
  nextCursor: z.uuid().nullable().describe('Pass as `before` for the next page; null on the last page'),
});

export type InteractionListDto = z.infer<typeof InteractionListDto>;

export function toInteractionDto(view: InteractionView): InteractionDto {
  return {
    id: view.id,
    channelId: view.channelId,
    network: view.network,
    remoteId: view.remoteId,
    kind: view.kind,
    conversationId: view.conversationId,
    contactId: view.contactId,
    inReplyToRemoteId: view.inReplyToRemoteId,
    author: { ...view.author },
    text: view.text,
    url: view.url,
    writtenAt: view.writtenAt.toISOString(),
    receivedAt: view.receivedAt.toISOString(),
  };
}
