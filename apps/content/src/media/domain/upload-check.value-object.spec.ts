import { describe, expect, it } from 'vitest';
import { imageFile, pixelBombPng } from '../../../test/support/media-files.js';
import { MAX_INPUT_PIXELS, checkUpload } from './upload-check.value-object.js';

describe('checking an upload', () => {
  it('trusts the bytes, and refuses a name or a declared type that says otherwise', async () => {
    const png = await imageFile('png', 20, 10);
    expect(checkUpload({ bytes: png, fileName: 'beans.png', declaredType: 'image/png' }).ok).toBe(true);
    expect(checkUpload({ bytes: png, fileName: null, declaredType: 'application/octet-stream' }).ok).toBe(
      true,
    );
    expect(checkUpload({ bytes: png, fileName: 'beans.jpg', declaredType: null })).toEqual({
      ok: false,
      problems: [
        {
          field: 'fileName',
          problem:
            'the file is image/png but its name ends in .jpg; rename it to .png or upload the file you meant',
        },
      ],
    });
    expect(checkUpload({ bytes: png, fileName: null, declaredType: 'image/jpeg' })).toMatchObject({
      ok: false,
      problems: [{ field: 'Content-Type' }],
    });
    const jpeg = await imageFile('jpeg', 20, 10);
    expect(checkUpload({ bytes: jpeg, fileName: 'BEANS.JPEG', declaredType: 'image/jpg' }).ok).toBe(true);
  });
});

describe('the pixel limit', () => {
  it('refuses an image over 50 megapixels from its header, naming its size and the limit', () => {
    const bomb = pixelBombPng(10_000, 10_000);
    expect(bomb.length).toBeLessThan(2_000);
    expect(checkUpload({ bytes: bomb, fileName: 'bomb.png', declaredType: null })).toEqual({
      ok: false,
      problems: [
        {
          field: 'file',
          problem:
            'the image is 10000 x 10000 (100,000,000 pixels), over the limit of 50,000,000 (50 megapixels); ' +
            'scale it down and upload it again',
        },
      ],
    });
    expect(MAX_INPUT_PIXELS).toBe(50_000_000);
    // Exactly at the limit passes the check (its decoding is sharp's, with the same limit).
    expect(checkUpload({ bytes: pixelBombPng(10_000, 5_000), fileName: null, declaredType: null }).ok).toBe(
      true,
    );
  });
});
