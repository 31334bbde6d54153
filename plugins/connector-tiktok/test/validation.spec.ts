import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type MediaInput } from '@chorus/connector-sdk';
import { samplePhoto, sampleVideo } from '../src/testing/index.js';
import { connectedTikTok, type ConnectedTikTok } from './support/connected-tiktok.js';

const codes = (issues: readonly { code: string }[]) => issues.map((issue) => issue.code);

// Issue #7 item 2: TikTok's limits as TikTok counts them, checked before any upload.
describe('validation before any upload', () => {
  let t: ConnectedTikTok;
  beforeAll(async () => {
    t = await connectedTikTok();
    // Read through creator_info (and kept a minute), as TikTok asks: its value wins over the declared 600 s.
    t.setup.account.maxVideoPostDurationSec = 300;
  });
  afterAll(() => t.close());

  const validate = (post: Parameters<ConnectedTikTok['connector']['validate']>[0]) =>
    t.connector.validate(post, { credentials: t.credentials });

  it('every post is a video or photos', async () => {
    expect(codes(await validate({ text: 'Just words' }))).toContain('tiktok:media-required');
  });

  it('a video caption holds 2,200 UTF-16 units, a photo description 4,000', async () => {
    const caption = '😀'.repeat(1100); // 2,200 UTF-16 units
    expect(await validate({ text: caption, media: [sampleVideo()] })).toEqual([]);
    expect(await validate({ text: `${caption}a`, media: [sampleVideo()] })).toContainEqual(
      expect.objectContaining({ path: ['text'], code: 'text-too-long', limit: 2200, actual: 2201 }),
    );
    expect(await validate({ text: 'a'.repeat(4000), media: [samplePhoto()] })).toEqual([]);
    expect(codes(await validate({ text: 'a'.repeat(4001), media: [samplePhoto()] }))).toContain(
      'text-too-long',
    );
  });

  it('photo title up to 90, cover within the photos, photos from verified URLs only', async () => {
    const issues = await validate({
      text: 'x',
      media: [
        samplePhoto(),
        { ...samplePhoto(), source: { kind: 'url', url: 'https://elsewhere.test/a.jpg' } },
      ],
      settings: { photoTitle: 't'.repeat(91), photoCoverIndex: 2 },
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['settings', 'photoTitle'],
          code: 'tiktok:photo-title-too-long',
          limit: 90,
        }),
        expect.objectContaining({
          path: ['settings', 'photoCoverIndex'],
          code: 'tiktok:photo-cover-out-of-range',
        }),
        expect.objectContaining({ path: ['media', 1, 'source'], code: 'tiktok:photo-url-unverified' }),
      ]),
    );
  });

  it('photos: JPEG or WebP, 20 MB, 1080p, 35 per post, never mixed with a video', async () => {
    const png: MediaInput = { ...samplePhoto(), mimeType: 'image/png' };
    const big: MediaInput = { ...samplePhoto(), sizeBytes: 21 * 1024 * 1024, width: 4000, height: 3000 };
    const issues = codes(await validate({ text: 'x', media: [png, big, sampleVideo()] }));
    expect(issues).toEqual(
      expect.arrayContaining([
        'media-type-not-allowed',
        'media-too-large',
        'media-too-many-pixels',
        'media-kinds-mixed',
      ]),
    );
    const many = Array.from({ length: 36 }, () => samplePhoto());
    expect(codes(await validate({ text: 'x', media: many }))).toContain('too-many-media');
  });

  it("videos: MP4, MOV or WebM, 360 to 4096 px, 3 s to the creator's maximum, one per post", async () => {
    const limits = await t.connector.limits(t.credentials);
    expect(limits.media?.video?.maxDurationSeconds).toBe(300);
    const bad: MediaInput = { ...sampleVideo(), mimeType: 'video/x-msvideo', width: 200, durationSeconds: 2 };
    const issues = codes(await validate({ text: 'x', media: [bad] }));
    expect(issues).toEqual(
      expect.arrayContaining(['media-type-not-allowed', 'media-dimensions-out-of-range', 'video-too-short']),
    );
    expect(
      codes(await validate({ text: 'x', media: [{ ...sampleVideo(), durationSeconds: 301 }] })),
    ).toContain('video-too-long');
    expect(codes(await validate({ text: 'x', media: [sampleVideo(), sampleVideo()] }))).toContain(
      'too-many-media-of-kind',
    );
  });

  it('without a default privacy level, a Direct Post must choose one; a draft for the inbox need not', async () => {
    const strict = await connectedTikTok({}, { defaultPrivacyLevel: undefined });
    try {
      const validateStrict = (settings: Record<string, unknown>) =>
        strict.connector.validate(
          { text: 'x', media: [samplePhoto()], settings },
          { credentials: strict.credentials },
        );
      expect(codes(await validateStrict({}))).toContain('tiktok:privacy-level-required');
      expect(await validateStrict({ privacyLevel: 'SELF_ONLY' })).toEqual([]);
      expect(await validateStrict({ mode: 'inbox' })).toEqual([]);
      const before = strict.setup.fake.log.length;
      const error = await strict.publishError({ text: 'x', media: [samplePhoto()] });
      expect(classifyError(error, 'publish').kind).toBe('invalid-content');
      expect(strict.setup.fake.log.filter((entry) => entry.path.endsWith('/init/'))).toHaveLength(0);
      expect(strict.setup.fake.log.length).toBeGreaterThanOrEqual(before);
    } finally {
      await strict.close();
    }
  });

  it('undeclared content (links, polls, threads, first comments) is refused as not supported', async () => {
    const issues = codes(
      await validate({
        text: 'x',
        media: [samplePhoto()],
        link: { url: 'https://example.com' },
        poll: { options: ['a', 'b'], durationSeconds: 3600 },
        thread: [{ text: 'two' }],
        firstComment: { text: 'first' },
      }),
    );
    expect(issues.filter((code) => code === 'content-not-supported')).toHaveLength(4);
  });
});
