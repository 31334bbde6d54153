import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMedia } from '../src/testing/index.js';
import { connectedPinterest, pinInput, type ConnectedPinterest } from './support/connected-pinterest.js';

const codes = (issues: readonly { code: string }[]) => issues.map((issue) => issue.code);

describe('Pinterest pins validated before any upload (network-apis.md 9.2)', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    p = await connectedPinterest();
  });
  afterAll(() => p.close());

  const validate = (post: Parameters<typeof pinInput>[1]) =>
    p.connector.validate(pinInput(p.boardId, post).post);

  it('a pin needs an image or a video', async () => {
    expect(codes(await validate({ media: [] }))).toContain('pinterest:media-required');
  });

  it('images are JPEG or PNG, at most 20 MB; GIF is not declared', async () => {
    expect(codes(await validate({ media: [sampleMedia('image', 'image/webp')] }))).toContain(
      'media-type-not-allowed',
    );
    expect(
      codes(
        await validate({ media: [{ ...sampleMedia('image', 'image/png'), sizeBytes: 21 * 1024 * 1024 }] }),
      ),
    ).toContain('media-too-large');
    expect(codes(await validate({ media: [sampleMedia('gif', 'image/gif')] }))).toContain(
      'content-not-supported',
    );
  });

  it('a carousel has 2 to 5 images of one size, and one alt text on the first', async () => {
    const image = () => sampleMedia('image', 'image/png');
    expect(await validate({ media: [image(), image()] })).toEqual([]);
    expect(codes(await validate({ media: Array.from({ length: 6 }, image) }))).toContain('too-many-media');
    expect(codes(await validate({ media: [image(), { ...image(), width: 800 }] }))).toContain(
      'pinterest:carousel-dimensions-differ',
    );
    expect(codes(await validate({ media: [image(), { ...image(), altText: 'second' }] }))).toContain(
      'pinterest:carousel-alt-text',
    );
  });

  it('a carousel is published as one pin of several images', async () => {
    const result = await p.connector.publish!(
      p.credentials,
      pinInput(p.boardId, {
        media: [
          sampleMedia('image', 'image/png'),
          sampleMedia('image', 'image/png'),
          sampleMedia('image', 'image/png'),
        ],
      }),
    );
    expect(p.setup.fake.state.pins.get(result.remoteId)).toMatchObject({
      mediaType: 'multiple_images',
      mediaSource: { source_type: 'multiple_image_base64', count: 3 },
    });
  });

  it('signed URLs go to Pinterest as image_url, so it fetches them itself', async () => {
    const result = await p.connector.publish!(
      p.credentials,
      pinInput(p.boardId, {
        media: [
          { kind: 'image', mimeType: 'image/jpeg', source: { kind: 'url', url: 'https://cdn.test/a.jpg' } },
        ],
      }),
    );
    expect(p.setup.fake.state.pins.get(result.remoteId)?.mediaSource).toEqual({
      source_type: 'image_url',
      url: 'https://cdn.test/a.jpg',
    });
  });

  it('the link is http(s) and at most 2,048 characters; the title at most 100', async () => {
    expect(codes(await validate({ link: { url: 'ftp://example.com/x' } }))).toContain(
      'pinterest:link-invalid',
    );
    expect(codes(await validate({ link: { url: `https://e.x/${'a'.repeat(2040)}` } }))).toContain(
      'pinterest:link-too-long',
    );
    expect(codes(await validate({ settings: { title: 'x'.repeat(101) } }))).toContain('invalid-setting');
    expect(
      await validate({ link: { url: 'https://example.com/x' }, settings: { title: 'x'.repeat(100) } }),
    ).toEqual([]);
  });

  it('a cover frame after the end of the video is refused', async () => {
    const issues = await validate({
      media: [sampleMedia('video', 'video/mp4')],
      settings: { coverKeyFrameSeconds: 30 },
    });
    expect(codes(issues)).toContain('pinterest:cover-frame-out-of-video');
  });
});
