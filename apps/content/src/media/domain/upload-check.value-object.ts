import type { ContentProblem } from '../../domain/content.errors.js';
import { probeMedia, type ProbedMedia } from './media-probe.value-object.js';

export interface UploadInput {
  readonly bytes: Buffer;
  readonly fileName: string | null;
  /** The Content-Type the client sent; a specific image or video type must agree with the bytes. */
  readonly declaredType: string | null;
}

/**
 * The largest image (width x height) the library decodes: 50 megapixels, e.g. 8660 x 5773. A bigger one is
 * refused from its header, before any decoding: a small file can claim a huge canvas (a decompression bomb)
 * and decoding it would take gigabytes. sharp is given the same limit (`limitInputPixels`) for headers that lie.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

// Declared types that say nothing about the file: the bytes decide.
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

/**
 * What the upload is, from its bytes alone; a name or a declared type that claims something else is refused
 * (a PNG named .jpg would be sent to a network as a JPEG and refused there, or worse, accepted half-broken).
 */
export function checkUpload(
  input: UploadInput,
): { ok: true; media: ProbedMedia } | { ok: false; problems: ContentProblem[] } {
  const probed = probeMedia(input.bytes);
  if (!probed.ok) {
    return { ok: false, problems: [{ field: 'file', problem: probed.reason }] };
  }
  const media = probed.media;
  const problems: ContentProblem[] = [];
  if (media.kind !== 'video' && media.width !== null && media.height !== null) {
    const pixels = media.width * media.height;
    if (pixels > MAX_INPUT_PIXELS) {
      return {
        ok: false,
        problems: [
          {
            field: 'file',
            problem:
              `the image is ${media.width} x ${media.height} (${pixels.toLocaleString('en')} pixels), over the ` +
              `limit of ${MAX_INPUT_PIXELS.toLocaleString('en')} (50 megapixels); scale it down and upload it again`,
          },
        ],
      };
    }
  }
  const extension = input.fileName?.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase();
  if (extension !== undefined && !media.extensions.includes(extension)) {
    problems.push({
      field: 'fileName',
      problem: `the file is ${media.mimeType} but its name ends in .${extension}; rename it to .${media.extensions[0]!} or upload the file you meant`,
    });
  }
  const declared = input.declaredType?.split(';')[0]?.trim().toLowerCase();
  if (
    declared !== undefined &&
    declared !== '' &&
    !GENERIC_TYPES.has(declared) &&
    declared !== media.mimeType &&
    !(declared === 'image/jpg' && media.mimeType === 'image/jpeg')
  ) {
    problems.push({
      field: 'Content-Type',
      problem: `the request says ${declared} but the bytes are ${media.mimeType}; send the right type or application/octet-stream`,
    });
  }
  return problems.length === 0 ? { ok: true, media } : { ok: false, problems };
}
