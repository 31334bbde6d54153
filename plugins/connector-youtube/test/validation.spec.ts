import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyError, type InvalidContentError, type PostInput } from '@chorus/connector-sdk';
import { sampleVideo } from '../src/testing/index.js';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

describe('YouTube validation before any upload', () => {
  let yt: ConnectedYoutube;
  beforeAll(async () => {
    yt = await connectedYoutube();
  });
  afterAll(() => yt.close());

  const post = (overrides: Partial<PostInput> = {}, settings: Record<string, unknown> = {}): PostInput => ({
    text: 'A description',
    media: [sampleVideo()],
    ...overrides,
    settings: { title: 'A title', ...settings },
  });
  const codes = async (input: PostInput) => (await yt.connector.validate(input)).map((issue) => issue.code);

  it('a well-formed video post has no issues', async () => {
    expect(await yt.connector.validate(post())).toEqual([]);
  });

  it('needs exactly one video', async () => {
    expect(await codes(post({ media: [] }))).toContain('youtube:video-required');
    expect(await codes(post({ media: [sampleVideo(), sampleVideo()] }))).toContain('too-many-media');
  });

  it('counts the description in UTF-8 bytes (5,000) and the title in characters (100), without < or >', async () => {
    const issues = await yt.connector.validate(post({ text: 'é'.repeat(2501) }, { title: 'x'.repeat(101) }));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 5000, actual: 5002 }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['settings', 'title'], code: 'youtube:title-too-long', actual: 101 }),
    );
    expect(await codes(post({}, { title: 'a <b> title' }))).toContain('youtube:title-invalid-characters');
  });

  it('takes the first line of the text as the title when none is set, and says so when it is too long', async () => {
    const issues = await yt.connector.validate({ text: `${'t'.repeat(120)}\nbody`, media: [sampleVideo()] });
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['text'], code: 'youtube:title-too-long' }),
    );
    expect(await codes({ text: '', media: [sampleVideo()] })).toContain('youtube:title-required');
  });

  it('refuses a media type YouTube does not take, and an image', async () => {
    expect(
      await yt.connector.validate(post({ media: [sampleVideo(1000, { mimeType: 'video/x-unknown' })] })),
    ).toContainEqual(
      expect.objectContaining({ path: ['media', 0, 'mimeType'], code: 'media-type-not-allowed' }),
    );
    const image = {
      kind: 'image' as const,
      mimeType: 'image/png',
      source: { kind: 'bytes' as const, data: new Uint8Array(4) },
    };
    expect(await codes(post({ media: [image] }))).toContain('content-not-supported');
  });

  it('limits tags to 500 characters in all', async () => {
    expect(await codes(post({}, { tags: Array.from({ length: 60 }, () => 'ninechars') }))).toContain(
      'youtube:tags-too-long',
    );
  });

  it('limits an unverified channel to 15 minutes, a verified one to 12 hours', async () => {
    const long = post({ media: [sampleVideo(1000, { durationSeconds: 16 * 60 })] });
    expect(await yt.connector.validate(long)).toContainEqual(
      expect.objectContaining({ path: ['media', 0, 'durationSeconds'], code: 'video-too-long', limit: 900 }),
    );
    const verified = await connectedYoutube({}, { verifiedChannels: true });
    try {
      expect(await verified.connector.validate(long)).toEqual([]);
      const tooLong = post({ media: [sampleVideo(1000, { durationSeconds: 12 * 3600 + 1 })] });
      expect((await verified.connector.validate(tooLong)).map((issue) => issue.code)).toContain(
        'video-too-long',
      );
    } finally {
      await verified.close();
    }
  });

  it('a Short is vertical or square and at most 3 minutes', async () => {
    const landscape = post(
      { media: [sampleVideo(1000, { width: 1920, height: 1080, durationSeconds: 30 })] },
      { format: 'short' },
    );
    expect(await codes(landscape)).toContain('aspect-ratio-out-of-range');
    const long = post(
      { media: [sampleVideo(1000, { width: 1080, height: 1920, durationSeconds: 181 })] },
      { format: 'short' },
    );
    expect(await codes(long)).toContain('video-too-long');
    const unmeasured = post(
      { media: [sampleVideo(1000, { durationSeconds: undefined })] },
      { format: 'short' },
    );
    expect(await codes(unmeasured)).toContain('youtube:short-unmeasured');
    const fine = post(
      { media: [sampleVideo(1000, { width: 1080, height: 1920, durationSeconds: 59 })] },
      { format: 'short' },
    );
    expect(await yt.connector.validate(fine)).toEqual([]);
  });

  it('refuses unknown settings values with the field named', async () => {
    expect(await yt.connector.validate(post({}, { privacyStatus: 'friends' }))).toContainEqual(
      expect.objectContaining({ code: 'invalid-setting', path: ['settings', 'privacyStatus'] }),
    );
  });

  it('a thumbnail of the wrong type is refused before the video is uploaded', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/gif' });
      response.end(Buffer.from('GIF89a'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const thumbnailUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/thumb.gif`;
      const before = yt.setup.fake.log.filter((entry) => entry.path.startsWith('/upload')).length;
      const input = { ...yt.input('With a bad thumbnail'), post: post({}, { thumbnailUrl }) };
      const error = await failure(yt.connector.publish!(yt.credentials, input));
      expect(classifyError(error, 'publish').kind).toBe('invalid-content');
      expect((error as InvalidContentError).issues[0]).toMatchObject({
        path: ['settings', 'thumbnailUrl'],
        code: 'media-type-not-allowed',
      });
      expect(yt.setup.fake.log.filter((entry) => entry.path.startsWith('/upload')).length).toBe(before);
    } finally {
      server.close();
    }
  });
});
