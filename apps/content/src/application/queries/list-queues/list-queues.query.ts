import { Query } from '@nestjs/cqrs';
import type { ChannelQueue } from '../../../domain/queue-slot.value-object.js';

export class ListQueuesQuery extends Query<ChannelQueue[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
