import { createHmac } from 'node:crypto';
import type { WebhookRequest } from '@chorus/connector-sdk';

/** A delivery as Meta sends it: the JSON bytes and `X-Hub-Signature-256: sha256=<hex>` over exactly them. */
export function signedDelivery(appSecret: string, payload: unknown): WebhookRequest {
  const rawBody = Buffer.from(JSON.stringify(payload), 'utf8');
  const signature = createHmac('sha256', appSecret).update(rawBody).digest('hex');
  return {
    rawBody: new Uint8Array(rawBody),
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
  };
}

/** Meta's GET handshake on a callback URL. */
export function handshake(verifyToken: string, challenge: string): WebhookRequest {
  return {
    rawBody: new Uint8Array(),
    headers: {},
    query: { 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken, 'hub.challenge': challenge },
  };
}

/** Exactly these bytes (not JSON, say), signed as Meta signs: a genuine delivery whatever its content. */
export function signedRawDelivery(appSecret: string, text: string): WebhookRequest {
  const rawBody = Buffer.from(text, 'utf8');
  const signature = createHmac('sha256', appSecret).update(rawBody).digest('hex');
  return {
    rawBody: new Uint8Array(rawBody),
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
  };
}
