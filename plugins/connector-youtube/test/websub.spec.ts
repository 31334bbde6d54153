import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed, youtubeUploadNotifications } from '../src/index.js';
import { connectedYoutube, type ConnectedYoutube } from './support/connected-youtube.js';

interface Received {
  readonly rawBody: Uint8Array;
  readonly headers: Record<string, string | undefined>;
}

describe('YouTube WebSub upload notifications (network-apis.md 8.3)', () => {
  let yt: ConnectedYoutube;
  let callback: Server;
  let callbackUrl: string;
  const received: Received[] = [];
  const notifications = () =>
    youtubeUploadNotifications({ hubUrl: yt.setup.fake.url, secret: 'websub-secret-1' });

  beforeAll(async () => {
    yt = await connectedYoutube();
    // The host's callback: answers the hub's verification with the connector, keeps deliveries.
    callback = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method === 'GET') {
        const answer = notifications().challenge(Object.fromEntries(url.searchParams), [yt.setup.account.id]);
        response.writeHead(answer.status, { 'content-type': answer.contentType });
        response.end(answer.body);
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          rawBody: new Uint8Array(Buffer.concat(chunks)),
          headers: { 'x-hub-signature': request.headers['x-hub-signature'] as string | undefined },
        });
        response.writeHead(204);
        response.end();
      });
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/youtube/websub`;
  });
  afterAll(async () => {
    callback.close();
    await yt.close();
  });

  it('subscribes, answers the hub challenge, and verifies and parses a signed delivery of a new upload', async () => {
    await notifications().subscribe({ callbackUrl, channelId: yt.setup.account.id, leaseSeconds: 86_400 });
    await yt.setup.fake.webSub.settled();
    expect(yt.setup.fake.webSub.isSubscribed(callbackUrl, yt.setup.account.id)).toBe(true);
    const video = await yt.connector.publish!(
      yt.credentials,
      yt.input('Pushed', { settings: { title: 'Tom & Jerry "best"' } }),
    );
    await yt.setup.fake.webSub.settled();
    const delivery = received.at(-1)!;
    expect(delivery.headers['x-hub-signature']).toMatch(/^sha1=[0-9a-f]{40}$/u);
    expect(notifications().verify(delivery)).toBe(true);
    expect(notifications().parse(delivery)).toEqual([
      expect.objectContaining({
        kind: 'video',
        videoId: video.remoteId,
        channelId: yt.setup.account.id,
        title: 'Tom & Jerry "best"',
      }),
    ]);
    const tampered = new Uint8Array(delivery.rawBody);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    expect(notifications().verify({ ...delivery, rawBody: tampered })).toBe(false);
    const unsigned = youtubeUploadNotifications({ hubUrl: yt.setup.fake.url });
    expect(unsigned.verify(delivery)).toBe(false);
  });

  it('refuses a challenge for a topic it never asked about', () => {
    const answer = notifications().challenge(
      {
        'hub.mode': 'subscribe',
        'hub.topic': 'https://www.youtube.com/xml/feeds/videos.xml?channel_id=UCsomeoneelse',
        'hub.challenge': 'abc',
      },
      [yt.setup.account.id],
    );
    expect(answer.status).toBe(404);
  });

  it('parses a deleted-entry notification', () => {
    const xml =
      '<feed xmlns:at="http://purl.org/atompub/tombstones/1.0"><at:deleted-entry ref="yt:video:VIDEO123" when="2026-05-01T10:00:00+00:00"><link href="https://www.youtube.com/watch?v=VIDEO123"/></at:deleted-entry></feed>';
    expect(parseFeed(xml)).toEqual([
      { kind: 'deleted', videoId: 'VIDEO123', when: '2026-05-01T10:00:00+00:00' },
    ]);
  });

  it('a hub that refuses the subscription is reported with its answer', async () => {
    await expect(
      notifications().subscribe({ callbackUrl: 'not-a-url', channelId: yt.setup.account.id }),
    ).rejects.toThrow(/HTTP 400/u);
  });
});
