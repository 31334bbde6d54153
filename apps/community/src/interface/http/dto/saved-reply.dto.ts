import { z } from 'zod';
import type { SavedReplyProps } from '../../../domain/saved-reply.aggregate.js';

export const SavedReplyDto = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
});

export type SavedReplyDto = z.infer<typeof SavedReplyDto>;

export const SavedReplyListDto = z.object({ items: z.array(SavedReplyDto) });

export function toSavedReplyDto(p: SavedReplyProps): SavedReplyDto {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    title: p.title,
    body: p.body,
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
  };
}
