import { graphError, invalidParameter, ok, type GraphFakeRouter } from '@chorus/meta-graph/testing';
import type { FacebookState } from '../facebook-state.js';

/**
 * rupload.facebook.com, its own origin as on Meta (1.1): a Reel's bytes with `offset` and `file_size` headers,
 * or a `file_url` header and no body, authorised by `Authorization: OAuth <page token>` (2.2 "Reels").
 */
export function registerRuploadRoutes(router: GraphFakeRouter, state: FacebookState): void {
  router.add('POST', '/video-upload/:version/:video', (request) => {
    const match = /^OAuth\s+(.+)$/u.exec(request.headers.authorization ?? '');
    const token = state.check(match?.[1]);
    if (typeof token === 'string') {
      return graphError({ code: 190, message: 'Invalid OAuth access token', status: 401 });
    }
    const video = state.videos.get(request.pathParams.video ?? '');
    if (!video || video.pageId !== token.pageId) {
      return invalidParameter('Unknown video id for upload');
    }
    const size = Number(request.headers.file_size);
    const fromUrl = request.headers.file_url;
    if (
      !fromUrl &&
      (!Number.isFinite(size) || size !== request.rawBody.length || request.headers.offset !== '0')
    ) {
      return invalidParameter('file_size must equal the bytes sent, from offset 0');
    }
    video.uploaded = true;
    return ok({ success: true });
  });
}
