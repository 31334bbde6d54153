import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { SavedReplyRepository } from '../../application/ports/saved-reply-repository.port.js';
import type { SavedReply } from '../../domain/saved-reply.aggregate.js';
import { DuplicateSavedReplyError } from '../../domain/saved-reply.errors.js';
import { savedReplyToDomain, savedReplyToPersistence } from './saved-reply.mapper.js';
import { SavedReplyOrmEntity } from './saved-reply.orm-entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class SavedReplyTypeormRepository implements SavedReplyRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(savedReply: SavedReply): Promise<void> {
    const row = savedReplyToPersistence(savedReply);
    try {
      await this.transactions.run(row.tenantId, (tx) => tx.manager.insert(SavedReplyOrmEntity, row));
    } catch (error) {
      const e = error as { code?: string; driverError?: { code?: string } };
      if ((e.code ?? e.driverError?.code) === UNIQUE_VIOLATION) {
        throw new DuplicateSavedReplyError();
      }
      throw error;
    }
  }

  async listByWorkspace(tenantId: string, workspaceId: string): Promise<SavedReply[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(SavedReplyOrmEntity, { where: { workspaceId }, order: { createdAt: 'DESC' } }),
    );
    return rows.map(savedReplyToDomain);
  }
}
