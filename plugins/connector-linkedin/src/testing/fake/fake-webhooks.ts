import { createHmac, randomUUID } from 'node:crypto';
import type { NotificationRecord } from './fake-state.js';

export interface WebhookSubscription {
  readonly organization: string;
  readonly subscriber: string;
  readonly url: string;
}

/** A signed delivery as LinkedIn posts it: the exact bytes and the headers (6.4). */
export interface WebhookDelivery {
  readonly url: string;
  readonly rawBody: Uint8Array;
  readonly headers: Record<string, string>;
  /** HTTP status the endpoint answered; null when it was not reachable. */
  status: number | null;
}

export function linkedinSignature(clientSecret: string, rawBody: Uint8Array | string): string {
  return createHmac('sha256', clientSecret)
    .update(Buffer.concat([Buffer.from('hmacsha256='), Buffer.from(rawBody)]))
    .digest('hex');
}

export function challengeResponse(clientSecret: string, challengeCode: string): string {
  return createHmac('sha256', clientSecret).update(challengeCode).digest('hex');
}

export function buildDelivery(
  clientSecret: string,
  subscription: WebhookSubscription,
  notifications: readonly NotificationRecord[],
): WebhookDelivery {
  const rawBody = Buffer.from(
    JSON.stringify({
      type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
      notifications: notifications.map((notification) => ({
        ...notification,
        subscriber: subscription.subscriber,
      })),
    }),
  );
  return {
    url: subscription.url,
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-li-signature': linkedinSignature(clientSecret, rawBody),
    },
    status: null,
  };
}

/** LinkedIn's validation call: GET ?challengeCode=<uuid>, answered within 3 s with the HMAC in hex. */
export async function validateEndpoint(url: string, clientSecret: string): Promise<boolean> {
  const challengeCode = randomUUID();
  const target = new URL(url);
  target.searchParams.set('challengeCode', challengeCode);
  try {
    const response = await fetch(target, { signal: AbortSignal.timeout(3000) });
    const body = (await response.json()) as { challengeCode?: string; challengeResponse?: string };
    return (
      response.status === 200 &&
      body.challengeCode === challengeCode &&
      body.challengeResponse === challengeResponse(clientSecret, challengeCode)
    );
  } catch {
    return false;
  }
}
