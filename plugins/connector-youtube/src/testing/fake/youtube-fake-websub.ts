import { createHmac, randomBytes } from 'node:crypto';
import type { ChannelRecord, VideoRecord } from './youtube-fake-state.js';

interface Subscription {
  readonly callback: string;
  readonly topic: string;
  readonly secret: string | undefined;
  readonly expiresAt: number;
}

export interface WebSubDelivery {
  readonly callback: string;
  readonly status: number;
  readonly body: string;
  readonly signature: string | undefined;
}

const TOPIC = /^https:\/\/www\.youtube\.com\/xml\/feeds\/videos\.xml\?channel_id=([\w-]+)$/u;

const escapeXml = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/**
 * The WebSub hub for channel upload feeds (network-apis.md 8.3): asynchronous intent verification with
 * `hub.challenge`, leases, and Atom deliveries signed `X-Hub-Signature: sha1=<hex>` when a secret was given.
 */
export class YoutubeFakeWebSub {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly pending = new Set<Promise<void>>();
  readonly deliveries: WebSubDelivery[] = [];

  constructor(private readonly now: () => number) {}

  /** Handles the subscribe form; answers the status the hub gives (202: verification follows). */
  request(form: URLSearchParams): { status: number; message: string } {
    const callback = form.get('hub.callback') ?? '';
    const topic = form.get('hub.topic') ?? '';
    const mode = form.get('hub.mode');
    if (
      !/^https?:\/\//u.test(callback) ||
      !TOPIC.test(topic) ||
      (mode !== 'subscribe' && mode !== 'unsubscribe')
    ) {
      return { status: 400, message: 'Invalid value for hub.callback, hub.topic or hub.mode' };
    }
    const lease = Number(form.get('hub.lease_seconds') ?? 432_000);
    const secret = form.get('hub.secret') ?? undefined;
    this.track(this.verify(mode, callback, topic, Number.isFinite(lease) ? lease : 432_000, secret));
    return { status: 202, message: '' };
  }

  /** The channel's feed changed: every live subscription hears of the video. */
  publish(video: VideoRecord, channel: ChannelRecord): void {
    const topic = `https://www.youtube.com/xml/feeds/videos.xml?channel_id=${channel.id}`;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">',
      `<link rel="hub" href="https://pubsubhubbub.appspot.com"/><link rel="self" href="${escapeXml(topic)}"/>`,
      '<title>YouTube video feed</title>',
      `<entry><id>yt:video:${video.id}</id><yt:videoId>${video.id}</yt:videoId><yt:channelId>${channel.id}</yt:channelId>`,
      `<title>${escapeXml(video.title)}</title><link rel="alternate" href="https://www.youtube.com/watch?v=${video.id}"/>`,
      `<author><name>${escapeXml(channel.title)}</name></author>`,
      `<published>${video.publishedAt}</published><updated>${video.publishedAt}</updated></entry>`,
      '</feed>',
    ].join('\n');
    for (const subscription of this.subscriptions.values()) {
      if (subscription.topic === topic && subscription.expiresAt > this.now()) {
        this.track(this.deliver(subscription, body));
      }
    }
  }

  /** Resolves once every verification and delivery started so far has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  isSubscribed(callback: string, channelId: string): boolean {
    const subscription = this.subscriptions.get(
      `${callback} https://www.youtube.com/xml/feeds/videos.xml?channel_id=${channelId}`,
    );
    return subscription !== undefined && subscription.expiresAt > this.now();
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(() => undefined).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private async verify(
    mode: string,
    callback: string,
    topic: string,
    lease: number,
    secret: string | undefined,
  ) {
    const challenge = randomBytes(12).toString('hex');
    const url = new URL(callback);
    url.searchParams.set('hub.mode', mode);
    url.searchParams.set('hub.topic', topic);
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.lease_seconds', String(lease));
    const response = await fetch(url);
    const echoed = await response.text();
    const key = `${callback} ${topic}`;
    if (!response.ok || echoed !== challenge) {
      return; // not confirmed: nothing changes
    }
    if (mode === 'unsubscribe') {
      this.subscriptions.delete(key);
      return;
    }
    this.subscriptions.set(key, { callback, topic, secret, expiresAt: this.now() + lease * 1000 });
  }

  private async deliver(subscription: Subscription, body: string) {
    const signature = subscription.secret
      ? `sha1=${createHmac('sha1', subscription.secret).update(body).digest('hex')}`
      : undefined;
    const response = await fetch(subscription.callback, {
      method: 'POST',
      headers: {
        'content-type': 'application/atom+xml',
        ...(signature ? { 'x-hub-signature': signature } : {}),
      },
      body,
    });
    this.deliveries.push({ callback: subscription.callback, status: response.status, body, signature });
  }
}
