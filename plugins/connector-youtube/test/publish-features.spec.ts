import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorContext, parseManifest, silentLogger, type Connector } from '@chorus/connector-sdk';
import { youtubeConnector } from '../src/index.js';
import { sampleVideo } from '../src/testing/index.js';
import { clockOf, connectedYoutube, type ConnectedYoutube } from './support/connected-youtube.js';

describe('YouTube publishing: every step of a video', () => {
  let yt: ConnectedYoutube;
  let images: Server;
  let imageUrl: string;
  beforeAll(async () => {
    yt = await connectedYoutube();
    images = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.alloc(2048, 1));
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    imageUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}/thumb.png`;
  });
  afterAll(async () => {
    images.close();
    await yt.close();
  });

  it('sends the title, description, tags and settings, then sets the thumbnail, the playlist and a first comment', async () => {
    const playlistId = yt.setup.fake.state.createPlaylist(yt.setup.account.id);
    const input = yt.input('The description\nwith two lines', {
      settings: {
        title: 'Launch day',
        tags: ['launch', 'chorus'],
        categoryId: '28',
        playlistId,
        thumbnailUrl: imageUrl,
      },
      firstComment: { text: 'Links in the description' },
    });
    const result = await yt.connector.publish!(yt.credentials, input);
    const video = yt.setup.fake.state.videos.get(result.remoteId)!;
    expect(video).toMatchObject({
      title: 'Launch day',
      description: 'The description\nwith two lines',
      tags: ['launch', 'chorus'],
      categoryId: '28',
      privacyStatus: 'public',
    });
    expect(video.thumbnail).toContain(result.remoteId);
    expect(yt.setup.fake.state.playlists.get(playlistId)?.items.map((item) => item.videoId)).toEqual([
      result.remoteId,
    ]);
    expect(result.firstComment).toBeDefined();
    expect(await yt.setup.peer.view(result.firstComment!.remoteId)).toMatchObject({
      text: 'Links in the description',
      inReplyTo: result.remoteId,
    });
  });

  it('Shorts: a vertical video under 3 minutes gets its Shorts address', async () => {
    const result = await yt.connector.publish!(
      yt.credentials,
      yt.input('#Shorts test', {
        media: [sampleVideo(300 * 1024, { width: 1080, height: 1920, durationSeconds: 30 })],
        settings: { title: 'Quick one', format: 'short' },
      }),
    );
    expect(result.url).toBe(`https://www.youtube.com/shorts/${result.remoteId}`);
  });

  it('a thumbnail the channel may not set is logged, and the video is still published', async () => {
    yt.setup.account.verified = false;
    try {
      const result = await yt.connector.publish!(
        yt.credentials,
        yt.input('Unverified', { settings: { title: 'No thumbnail', thumbnailUrl: imageUrl } }),
      );
      expect(yt.setup.fake.state.videos.get(result.remoteId)?.thumbnail).toBeNull();
    } finally {
      yt.setup.account.verified = true;
    }
  });

  it('findPublished without the session (another process) searches the uploads playlist by title and description', async () => {
    const input = yt.input('Found by lookup', { settings: { title: 'Lookup' } });
    const started = new Date(Date.now() - 1000).toISOString();
    const published = await yt.connector.publish!(yt.credentials, input);
    const parsed = parseManifest(youtubeConnector.manifest);
    if (!parsed.ok) {
      throw new Error('invalid manifest');
    }
    const other: Connector = await youtubeConnector.create(
      createConnectorContext({
        manifest: parsed.manifest,
        config: yt.setup.config,
        logger: silentLogger,
        clock: clockOf(() => yt.setup.fake.now()),
      }),
    );
    const window = { from: started, to: new Date(Date.now() + 1000).toISOString() };
    expect(await other.findPublished!(yt.credentials, { ...input, window })).toMatchObject({
      status: 'found',
      remoteId: published.remoteId,
    });
    const changed = { ...input, post: { ...input.post, text: 'Another description' } };
    expect(await other.findPublished!(yt.credentials, { ...changed, window })).toEqual({
      status: 'not-found',
    });
    const old = { from: '2020-01-01T00:00:00Z', to: '2020-01-02T00:00:00Z' };
    expect((await other.findPublished!(yt.credentials, { ...input, window: old })).status).toBe('unknown');
  });

  it('findPublished answers unknown when the steps after the upload cannot be told', async () => {
    const input = yt.input('With follow-ups', { firstComment: { text: 'First!' } });
    const started = new Date(Date.now() - 1000).toISOString();
    yt.setup.fake.injectFault({ kind: 'timeout-after-send', target: 'final-chunk' });
    await yt.connector.publish!(yt.credentials, input).catch(() => undefined);
    const window = { from: started, to: new Date(Date.now() + 1000).toISOString() };
    const found = await yt.connector.findPublished!(yt.credentials, { ...input, window });
    expect(found.status).toBe('unknown');
    expect(found.status === 'unknown' && found.reason).toContain('first comment');
  });

  it('delete removes the video for everyone; deleting again is harmless', async () => {
    const result = await yt.connector.publish!(yt.credentials, yt.input('Short-lived'));
    await yt.connector.delete!(yt.credentials, { remoteId: result.remoteId });
    expect(await yt.setup.peer.view(result.remoteId)).toBeNull();
    await yt.connector.delete!(yt.credentials, { remoteId: result.remoteId });
  });
});
