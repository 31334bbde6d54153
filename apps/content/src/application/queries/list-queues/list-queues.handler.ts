import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ChannelQueue } from '../../../domain/queue-slot.value-object.js';
import { QUEUE_REPOSITORY } from '../../../content.tokens.js';
import type { QueueRepository } from '../../ports/queue-repository.port.js';
import { ListQueuesQuery } from './list-queues.query.js';

@QueryHandler(ListQueuesQuery)
export class ListQueuesHandler implements IQueryHandler<ListQueuesQuery> {
  constructor(@Inject(QUEUE_REPOSITORY) private readonly queues: QueueRepository) {}

  execute(query: ListQueuesQuery): Promise<ChannelQueue[]> {
    return this.queues.list(query.tenantId, query.workspaceId);
  }
}
