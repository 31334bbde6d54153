import { describe, expect, it } from 'vitest';
import { imageFile } from '../../../test/support/media-files.js';
import { checkUpload } from './upload-check.value-object.js';

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
