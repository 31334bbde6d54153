import { graphError, invalidParameter, ok, type GraphFakeRouter } from '@chorus/meta-graph/testing';
import type { InstagramState } from '../instagram-state.js';

/**
 * rupload.facebook.com, its own origin as on Meta (1.1): the bytes of a resumable video container, sent with
 * `Authorization: OAuth <token>`, `offset` and `file_size` headers; the container then processes.
 */
export function registerRuploadRoutes(router: GraphFakeRouter, state: InstagramState): void {
  router.add('POST', '/ig-api-upload/:version/:container', (request) => {
    const token = state.tokens.get(/^OAuth\s+(.+)$/u.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const container = state.containers.get(request.pathParams.container ?? '');
    if (!token || !container || container.ownerId !== token.accountId) {
      return graphError({ code: 190, message: 'Invalid OAuth access token', status: 401 });
    }
    if (Number(request.headers.file_size) !== request.rawBody.length || request.headers.offset !== '0') {
      return invalidParameter('file_size must equal the bytes sent, from offset 0');
    }
    container.awaitingUpload = false;
    return ok({ success: true, message: 'Upload successful.' });
  });
}
