import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidContentInputError } from '../../../../domain/content.errors.js';
import type { MediaRef } from '../../../../domain/post-content.value-object.js';
import type { MediaAsset, MediaDerivative } from '../../../domain/media-asset.value-object.js';
import {
  attachLibraryMedia,
  mediaIdsOf,
  type MediaChoice,
  type MediaHolder,
} from '../../../domain/post-media.value-object.js';
import { MEDIA_REPOSITORY, MEDIA_URLS } from '../../../media.tokens.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import type { MediaUrls } from '../../ports/media-urls.port.js';
import { AttachLibraryMediaQuery } from './attach-library-media.query.js';

@QueryHandler(AttachLibraryMediaQuery)
export class AttachLibraryMediaHandler implements IQueryHandler<
  AttachLibraryMediaQuery<MediaHolder<MediaChoice>>
> {
  constructor(
    @Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository,
    @Inject(MEDIA_URLS) private readonly urls: MediaUrls,
  ) {}

  async execute(query: AttachLibraryMediaQuery<MediaHolder<MediaChoice>>) {
    const ids = mediaIdsOf(query.holder);
    const assets = await this.media.findMany(query.tenantId, query.workspaceId, ids);
    const validUntil = new Date(Date.now() + this.urls.lifetimeSeconds * 1000);
    const { holder, problems } = attachLibraryMedia(
      query.holder,
      new Map(assets.map((a) => [a.id, a] as const)),
      libraryRef(this.urls, validUntil),
    );
    if (problems.length > 0) {
      throw new InvalidContentInputError(problems);
    }
    return holder;
  }
}

/** An asset (or its derivative) as a post references it, its URL signed until `validUntil`. */
export function libraryRef(urls: MediaUrls, validUntil: Date) {
  return (asset: MediaAsset, derivative: MediaDerivative | null, altText: string | null): MediaRef => ({
    mediaId: asset.id,
    kind: derivative !== null && asset.kind === 'gif' ? 'image' : asset.kind,
    mimeType: derivative?.mimeType ?? asset.mimeType,
    url: urls.mediaUrl(
      {
        tenantId: asset.tenantId,
        workspaceId: asset.workspaceId,
        mediaId: asset.id,
        ...(derivative === null ? {} : { derivativeId: derivative.id }),
      },
      validUntil,
    ),
    sizeBytes: derivative?.sizeBytes ?? asset.sizeBytes,
    width: derivative?.width ?? asset.width,
    height: derivative?.height ?? asset.height,
    durationSeconds: asset.durationSeconds,
    altText,
  });
}
