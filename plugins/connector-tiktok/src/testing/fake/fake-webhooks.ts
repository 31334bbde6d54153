import { createHmac } from 'node:crypto';

export interface WebhookDelivery {
  readonly rawBody: Uint8Array;
  readonly headers: Record<string, string>;
}

/**
 * Deliveries as TikTok's developer platform sends them (network-apis.md 7.5): a JSON body whose `content` is a
 * JSON string, signed `TikTok-Signature: t=<unix>,s=<hex HMAC-SHA256 of "t.body" with the client secret>`.
 */
export class FakeWebhooks {
  private readonly queue: WebhookDelivery[] = [];

  constructor(
    private readonly clientKey: string,
    private readonly clientSecret: string,
    private readonly now: () => number,
  ) {}

  emit(event: string, openId: string, content: Record<string, unknown>): void {
    this.queue.push(this.sign(this.body(event, openId, content)));
  }

  body(event: string, openId: string, content: Record<string, unknown>): string {
    return JSON.stringify({
      client_key: this.clientKey,
      event,
      create_time: Math.floor(this.now() / 1000),
      user_openid: openId,
      content: JSON.stringify(content),
    });
  }

  /** Signs any body, at any time (a stale `t` for replay tests). */
  sign(body: string, at = this.now()): WebhookDelivery {
    const t = Math.floor(at / 1000);
    const s = createHmac('sha256', this.clientSecret).update(`${t}.${body}`).digest('hex');
    return {
      rawBody: new Uint8Array(Buffer.from(body)),
      headers: { 'content-type': 'application/json', 'tiktok-signature': `t=${t},s=${s}` },
    };
  }

  next(): WebhookDelivery | undefined {
    return this.queue.shift();
  }

  clear(): void {
    this.queue.length = 0;
  }
}
