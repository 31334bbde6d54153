import type { FastifyRequest } from 'fastify';

export const OAUTH_CALLBACK_PATH = '/api/channels/oauth/callback';

/**
 * The redirect URI registered with the network: under the public URL when the host configures one (behind a
 * proxy the request's own host is not what the browser sees), else the address this request came to.
 */
export function callbackUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  const base = publicUrl ?? `${request.protocol}://${request.host}`;
  return new URL(OAUTH_CALLBACK_PATH, base).toString();
}
