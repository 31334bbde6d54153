import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { mediaIdsOf, refreshPostMedia } from '../../../domain/post-media.value-object.js';
import { MEDIA_REPOSITORY, MEDIA_URLS } from '../../../media.tokens.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import type { MediaUrls } from '../../ports/media-urls.port.js';
import { libraryRef } from '../attach-library-media/attach-library-media.handler.js';
import { RefreshPostMediaQuery } from './refresh-post-media.query.js';

@QueryHandler(RefreshPostMediaQuery)
export class RefreshPostMediaHandler implements IQueryHandler<RefreshPostMediaQuery> {
  constructor(
    @Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository,
    @Inject(MEDIA_URLS) private readonly urls: MediaUrls,
  ) {}

  async execute({ post, networks, publishAt }: RefreshPostMediaQuery) {
    const holder = { media: post.master.media, thread: post.master.thread, targets: post.targets };
    const assets = await this.media.findMany(post.tenantId, post.workspaceId, mediaIdsOf(holder));
    // Valid through the publish time and the lifetime after it: retries and the network's own fetch fit.
    const from = Math.max(Date.now(), publishAt.getTime());
    const validUntil = new Date(from + this.urls.lifetimeSeconds * 1000);
    return refreshPostMedia(
      post,
      networks,
      new Map(assets.map((a) => [a.id, a] as const)),
      libraryRef(this.urls, validUntil),
    );
  }
}
