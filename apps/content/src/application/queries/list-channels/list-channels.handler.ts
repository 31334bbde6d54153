import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ContentChannel } from '../../../domain/content-channel.entity.js';
import { CHANNEL_DIRECTORY } from '../../../content.tokens.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import { ListChannelsQuery } from './list-channels.query.js';

@QueryHandler(ListChannelsQuery)
export class ListChannelsHandler implements IQueryHandler<ListChannelsQuery> {
  constructor(@Inject(CHANNEL_DIRECTORY) private readonly directory: ChannelDirectory) {}

  execute(query: ListChannelsQuery): Promise<ContentChannel[]> {
    return this.directory.list(query.tenantId, query.workspaceId);
  }
}
