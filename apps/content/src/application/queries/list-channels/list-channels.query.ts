import { Query } from '@nestjs/cqrs';
import type { ContentChannel } from '../../../domain/content-channel.entity.js';

export class ListChannelsQuery extends Query<ContentChannel[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
