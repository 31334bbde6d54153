import { SavedReply } from '../../domain/saved-reply.aggregate.js';
import { SavedReplyOrmEntity } from './saved-reply.orm-entity.js';

export function savedReplyToPersistence(savedReply: SavedReply): SavedReplyOrmEntity {
  return Object.assign(new SavedReplyOrmEntity(), savedReply.snapshot());
}

export function savedReplyToDomain(row: SavedReplyOrmEntity): SavedReply {
  return SavedReply.restore({
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    title: row.title,
    body: row.body,
    createdAt: new Date(row.createdAt),
    createdBy: row.createdBy,
  });
}
