import type { SavedReply } from '../../domain/saved-reply.aggregate.js';

export interface SavedReplyRepository {
  /** Throws DuplicateSavedReplyError when the workspace already has one like it. */
  add(savedReply: SavedReply): Promise<void>;
  listByWorkspace(tenantId: string, workspaceId: string): Promise<SavedReply[]>;
}
