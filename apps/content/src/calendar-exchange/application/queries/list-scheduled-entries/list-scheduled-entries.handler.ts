import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ChannelDirectory } from '../../../../application/ports/channel-directory.port.js';
import type { PostRepository } from '../../../../application/ports/post-repository.port.js';
import { CHANNEL_DIRECTORY, POST_REPOSITORY } from '../../../../content.tokens.js';
import { scheduledEntries, type ScheduledEntry } from '../../../domain/scheduled-entry.value-object.js';
import { ListScheduledEntriesQuery } from './list-scheduled-entries.query.js';

@QueryHandler(ListScheduledEntriesQuery)
export class ListScheduledEntriesHandler implements IQueryHandler<ListScheduledEntriesQuery> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(CHANNEL_DIRECTORY) private readonly channels: ChannelDirectory,
  ) {}

  async execute(q: ListScheduledEntriesQuery): Promise<ScheduledEntry[]> {
    const posts = await this.posts.scheduledBetween(q.tenantId, q.workspaceId, q.from, q.to);
    const channels = await this.channels.list(q.tenantId, q.workspaceId);
    return scheduledEntries(
      posts.map((p) => p.snapshot()),
      channels,
    );
  }
}
