import { verifyHmacSignature, type WebhookRequest } from '@chorus/connector-sdk';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

function header(request: WebhookRequest, name: string): string | undefined {
  const found = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name);
  return found?.[1];
}

/**
 * `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the exact bytes received, keyed with the app secret,
 * compared in constant time (network-apis.md 1.6). The legacy SHA-1 header is not accepted.
 */
export function metaSignatureValid(appSecret: string, request: WebhookRequest): boolean {
  if (appSecret.length === 0) {
    return false;
  }
  return verifyHmacSignature({
    algorithm: 'sha256',
    key: appSecret,
    payload: request.rawBody,
    signature: header(request, SIGNATURE_HEADER),
    encoding: 'hex',
    prefix: 'sha256=',
  });
}

/**
 * The subscription handshake: `hub.mode=subscribe` with our verify token gets the raw `hub.challenge` back
 * with 200; a wrong token gets 403; anything that is not a handshake gets null.
 */
export function metaChallenge(
  verifyToken: string,
  request: WebhookRequest,
): { status: number; body: string; contentType: string } | null {
  const query = request.query ?? {};
  if (query['hub.mode'] === undefined && query['hub.challenge'] === undefined) {
    return null;
  }
  const ok =
    query['hub.mode'] === 'subscribe' &&
    verifyToken.length > 0 &&
    query['hub.verify_token'] === verifyToken &&
    typeof query['hub.challenge'] === 'string';
  return ok
    ? { status: 200, body: query['hub.challenge'] ?? '', contentType: 'text/plain' }
    : { status: 403, body: 'verify token mismatch', contentType: 'text/plain' };
}

/** The JSON of a delivery whose signature was checked; null when it is not JSON. */
export function webhookJson(request: WebhookRequest): unknown {
  try {
    return JSON.parse(Buffer.from(request.rawBody).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
