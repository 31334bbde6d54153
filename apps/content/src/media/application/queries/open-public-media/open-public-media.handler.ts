import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { storageKeyOf } from '../../../domain/media-asset.value-object.js';
import { MEDIA_REPOSITORY, MEDIA_STORAGE_PORT, MEDIA_URLS } from '../../../media.tokens.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import type { MediaStorage } from '../../ports/media-storage.port.js';
import type { MediaUrls } from '../../ports/media-urls.port.js';
import { OpenPublicMediaQuery, type PublicMedia } from './open-public-media.query.js';

@QueryHandler(OpenPublicMediaQuery)
export class OpenPublicMediaHandler implements IQueryHandler<OpenPublicMediaQuery> {
  constructor(
    @Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE_PORT) private readonly storage: MediaStorage,
    @Inject(MEDIA_URLS) private readonly urls: MediaUrls,
  ) {}

  async execute({ ref, expires, signature }: OpenPublicMediaQuery): Promise<PublicMedia> {
    const path = [
      ref.tenantId,
      ref.workspaceId,
      ref.mediaId,
      ...(ref.derivativeId === null ? [] : [ref.derivativeId]),
    ];
    const check = this.urls.check(`media:${path.join('/')}`, expires, signature, new Date());
    if (check !== 'valid') {
      return {
        ok: false,
        status: 403,
        reason: check === 'expired' ? 'This media link has expired' : 'This media link is not valid',
      };
    }
    // The signature stands in for the identity: the tenant and workspace it covers are the ones read.
    const asset = await this.media.find(ref.tenantId, ref.workspaceId, ref.mediaId);
    const derivative =
      ref.derivativeId === null ? null : (asset?.derivatives.find((d) => d.id === ref.derivativeId) ?? null);
    if (asset === null || (ref.derivativeId !== null && derivative === null)) {
      return { ok: false, status: 404, reason: 'This media was deleted from the library' };
    }
    const bytes = await this.storage.read(storageKeyOf(asset, derivative?.id));
    if (bytes === null) {
      return { ok: false, status: 404, reason: 'This media file is missing from storage' };
    }
    return { ok: true, bytes, mimeType: derivative?.mimeType ?? asset.mimeType };
  }
}
