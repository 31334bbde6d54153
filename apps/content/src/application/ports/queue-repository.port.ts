import type { ChannelQueue } from '../../domain/queue-slot.value-object.js';

export interface QueueRepository {
  save(tenantId: string, workspaceId: string, queue: ChannelQueue, by: string): Promise<void>;
  list(tenantId: string, workspaceId: string): Promise<ChannelQueue[]>;
  find(tenantId: string, workspaceId: string, channelId: string): Promise<ChannelQueue | null>;
}
