import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ChannelProps } from '../../../domain/channel/channel.aggregate.js';
import { CHANNEL_REPOSITORY } from '../../../gateway.tokens.js';
import type { ChannelRepository } from '../../ports/channel-repository.port.js';
import { ListChannelsQuery } from './list-channels.query.js';

@QueryHandler(ListChannelsQuery)
export class ListChannelsHandler implements IQueryHandler<ListChannelsQuery> {
  constructor(@Inject(CHANNEL_REPOSITORY) private readonly channels: ChannelRepository) {}

  async execute(query: ListChannelsQuery): Promise<ChannelProps[]> {
    const channels = await this.channels.list(query.tenantId, query.workspaceId);
    return channels.map((c) => c.snapshot());
  }
}
