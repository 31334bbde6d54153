import { describe, expect, it } from 'vitest';
import { imageFile, movieFile } from '../../../test/support/media-files.js';
import { probeMedia } from './media-probe.value-object.js';

describe('probing media from their bytes', () => {
  it.each([
    ['jpeg', 'image/jpeg', 'image'],
    ['png', 'image/png', 'image'],
    ['webp', 'image/webp', 'image'],
    ['gif', 'image/gif', 'gif'],
  ] as const)('reads a %s file type and dimensions from its header', async (format, mimeType, kind) => {
    const probed = probeMedia(await imageFile(format, 321, 123));
    expect(probed).toEqual({
      ok: true,
      media: expect.objectContaining({
        kind,
        mimeType,
        width: 321,
        height: 123,
        durationSeconds: null,
      }) as object,
    });
  });

  it('reads the WebP lossless (VP8L) header too', async () => {
    const sharp = (await import('sharp')).default;
    const lossless = await sharp(await imageFile('png', 77, 55))
      .webp({ lossless: true })
      .toBuffer();
    expect(probeMedia(lossless)).toMatchObject({
      ok: true,
      media: { mimeType: 'image/webp', width: 77, height: 55 },
    });
  });

  it('reads an MP4 duration from mvhd and the video size from the video track, moov after mdat', () => {
    const mp4 = movieFile({ width: 1080, height: 1920, seconds: 12.5, audioTrackFirst: true });
    expect(probeMedia(mp4)).toEqual({
      ok: true,
      media: {
        kind: 'video',
        mimeType: 'video/mp4',
        extensions: ['mp4', 'm4v'],
        width: 1080,
        height: 1920,
        durationSeconds: 12.5,
      },
    });
  });

  it('reads version-1 boxes (64-bit durations), a QuickTime brand and a 90° rotation', () => {
    const mov = movieFile({
      brand: 'qt',
      width: 1920,
      height: 1080,
      seconds: 3600.25,
      version: 1,
      rotated: true,
      moovFirst: true,
    });
    expect(probeMedia(mov)).toMatchObject({
      ok: true,
      media: { mimeType: 'video/quicktime', width: 1080, height: 1920, durationSeconds: 3600.25 },
    });
  });

  it('refuses an empty file, an unknown type, a truncated movie and an audio-only one, saying why', () => {
    expect(probeMedia(Buffer.alloc(0))).toEqual({ ok: false, reason: 'the file is empty (0 bytes)' });
    expect(probeMedia(Buffer.from('%PDF-1.7\n...'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a type') as string,
    });
    const mp4 = movieFile({ width: 640, height: 360, seconds: 5 });
    expect(probeMedia(mp4.subarray(0, mp4.length - 40))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"moov"') as string,
    });
    const audioOnly = movieFile({ width: 0, height: 0, seconds: 5 });
    expect(probeMedia(audioOnly)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no video track') as string,
    });
  });

  it('refuses a damaged header rather than inventing dimensions', async () => {
    const png = await imageFile('png', 10, 10);
    expect(probeMedia(png.subarray(0, 12))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('IHDR') as string,
    });
    const jpeg = await imageFile('jpeg', 10, 10);
    expect(probeMedia(jpeg.subarray(0, 20))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('JPEG') as string,
    });
  });
});
