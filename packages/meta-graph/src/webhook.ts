import { InvalidContentError, verifyHmacSignature, z, type WebhookRequest } from '@chorus/connector-sdk';
import { parseGraphJson } from './safe-json.js';

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

/**
 * The JSON of a delivery whose signature was checked, read with parseGraphJson (ids past 2^53 keep their digits)
 * and checked against `schema`. Text that is not JSON, or JSON of another shape, throws an invalid-content error
 * naming what is wrong: the intake counts it as malformed and answers an error, never a quiet empty success.
 */
export function readDelivery<S extends z.ZodTypeAny>(
  network: string,
  request: WebhookRequest,
  schema: S,
): z.output<S> {
  let json: unknown;
  try {
    json = parseGraphJson(Buffer.from(request.rawBody).toString('utf8'));
  } catch (error) {
    throw malformed(network, `the body is not JSON (${(error as Error).message})`, ['body']);
  }
  return readPart(network, schema, json, 'the delivery');
}

/** One change or event of a delivery, of a field Chorus reads, checked against its shape (throws like above). */
export function readPart<S extends z.ZodTypeAny>(
  network: string,
  schema: S,
  value: unknown,
  where: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const at = path.length > 0 ? ` at ${path.join('.')}` : '';
  throw malformed(
    network,
    `${where} does not have the documented shape${at}: ${issue?.message ?? 'invalid'}`,
    ['body', ...path],
  );
}

function malformed(network: string, what: string, path: readonly string[]): InvalidContentError {
  const message = `${network} webhook delivery refused: ${what}. Check the app's webhook subscription in the Meta App Dashboard (network-apis.md 1.6).`;
  return new InvalidContentError(message, [{ path: [...path], code: 'meta:webhook-malformed', message }]);
}
