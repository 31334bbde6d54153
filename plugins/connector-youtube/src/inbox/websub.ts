import { verifyHmacSignature, type WebhookRequest } from '@chorus/connector-sdk';

/** One upload notification of a channel's feed (network-apis.md 8.3). */
export type UploadNotification =
  | {
      readonly kind: 'video';
      readonly videoId: string;
      readonly channelId: string;
      readonly title: string;
      readonly published: string | null;
      readonly updated: string | null;
    }
  | { readonly kind: 'deleted'; readonly videoId: string; readonly when: string | null };

export interface UploadNotificationsOptions {
  /** The WebSub hub (`https://pubsubhubbub.appspot.com`). */
  readonly hubUrl: string;
  /** hub.secret: deliveries then carry `X-Hub-Signature: sha1=<hex>`. */
  readonly secret?: string;
  readonly fetch?: typeof fetch;
}

export const feedTopic = (channelId: string) =>
  `https://www.youtube.com/xml/feeds/videos.xml?channel_id=${encodeURIComponent(channelId)}`;

/**
 * Push notifications of new and updated uploads through YouTube's WebSub hub (8.3). Comments have no push:
 * the inbox polls them. The SDK's inbox has no slot for "a video appeared", so hosts use this directly (for
 * example to notice videos published outside Chorus). Leases expire after a few days: subscribe again.
 */
export function youtubeUploadNotifications(options: UploadNotificationsOptions) {
  const doFetch = options.fetch ?? globalThis.fetch;
  const hub = new URL('/subscribe', options.hubUrl);

  const request = async (
    mode: 'subscribe' | 'unsubscribe',
    input: { readonly callbackUrl: string; readonly channelId: string; readonly leaseSeconds?: number },
  ) => {
    const form = new URLSearchParams({
      'hub.callback': input.callbackUrl,
      'hub.topic': feedTopic(input.channelId),
      'hub.mode': mode,
      'hub.verify': 'async',
      ...(options.secret ? { 'hub.secret': options.secret } : {}),
      ...(input.leaseSeconds ? { 'hub.lease_seconds': String(input.leaseSeconds) } : {}),
    });
    const response = await doFetch(hub, { method: 'POST', body: form });
    if (response.status !== 202 && response.status !== 204) {
      const text = await response.text().catch(() => '');
      throw new Error(`The WebSub hub refused to ${mode} (HTTP ${response.status}): ${text.slice(0, 200)}`);
    }
  };

  return {
    subscribe: (input: { callbackUrl: string; channelId: string; leaseSeconds?: number }) =>
      request('subscribe', input),
    unsubscribe: (input: { callbackUrl: string; channelId: string }) => request('unsubscribe', input),

    /** The hub's verification GET: echo `hub.challenge` for a channel feed this host asked about. */
    challenge(
      query: Readonly<Record<string, string | undefined>>,
      expectedChannelIds: readonly string[],
    ): { status: number; body: string; contentType: string } {
      const mode = query['hub.mode'];
      const challenge = query['hub.challenge'];
      const topics = expectedChannelIds.map(feedTopic);
      if (
        (mode === 'subscribe' || mode === 'unsubscribe') &&
        challenge &&
        topics.includes(query['hub.topic'] ?? '')
      ) {
        return { status: 200, body: challenge, contentType: 'text/plain' };
      }
      return { status: 404, body: 'unknown subscription', contentType: 'text/plain' };
    },

    /** With a secret, only a delivery signed over its exact bytes is genuine; without one, none can be proven. */
    verify(request: WebhookRequest): boolean {
      if (!options.secret) {
        return false;
      }
      return verifyHmacSignature({
        algorithm: 'sha1',
        key: options.secret,
        payload: request.rawBody,
        signature: request.headers['x-hub-signature'],
        encoding: 'hex',
        prefix: 'sha1=',
      });
    },

    parse: (request: WebhookRequest): UploadNotification[] =>
      parseFeed(Buffer.from(request.rawBody).toString('utf8')),
  };
}

const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`, 'u').exec(xml)?.[1]?.trim() ?? null;

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** The Atom feed of a delivery: `<entry>` with `yt:videoId`, or `<at:deleted-entry ref="yt:video:…">`. */
export function parseFeed(xml: string): UploadNotification[] {
  const found: UploadNotification[] = [];
  for (const match of xml.matchAll(/<entry>([\s\S]*?)<\/entry>/gu)) {
    const entry = match[1] ?? '';
    const videoId = tag(entry, 'yt:videoId');
    const channelId = tag(entry, 'yt:channelId');
    if (videoId && channelId) {
      found.push({
        kind: 'video',
        videoId,
        channelId,
        title: unescapeXml(tag(entry, 'title') ?? ''),
        published: tag(entry, 'published'),
        updated: tag(entry, 'updated'),
      });
    }
  }
  for (const match of xml.matchAll(/<at:deleted-entry\s+([^>]*)>/gu)) {
    const attributes = match[1] ?? '';
    const ref = /ref="yt:video:([^"]+)"/u.exec(attributes)?.[1];
    if (ref) {
      found.push({ kind: 'deleted', videoId: ref, when: /when="([^"]+)"/u.exec(attributes)?.[1] ?? null });
    }
  }
  return found;
}
