import { probeIsoMedia } from './iso-media-boxes.value-object.js';

/** What the bytes of an upload turned out to be; the name and the declared type are never trusted. */
export interface ProbedMedia {
  readonly kind: 'image' | 'video' | 'gif';
  readonly mimeType: string;
  /** The extensions a file of this type may carry, the first one preferred. */
  readonly extensions: readonly string[];
  readonly width: number | null;
  readonly height: number | null;
  readonly durationSeconds: number | null;
}

export type ProbeResult =
  { readonly ok: true; readonly media: ProbedMedia } | { readonly ok: false; readonly reason: string };

const SUPPORTED = 'JPEG, PNG, GIF, WebP images and MP4 or MOV videos';

/** Recognises the file from its first bytes (magic numbers) and reads its dimensions and duration from headers. */
export function probeMedia(bytes: Buffer): ProbeResult {
  if (bytes.length === 0) {
    return { ok: false, reason: 'the file is empty (0 bytes)' };
  }
  const probers = [probeJpeg, probePng, probeGif, probeWebp, probeIsoMedia];
  for (const probe of probers) {
    const found = probe(bytes);
    if (found !== null) {
      return found;
    }
  }
  return { ok: false, reason: `the file is not a type Chorus accepts (${SUPPORTED})` };
}

const image = (
  mimeType: string,
  extensions: string[],
  width: number,
  height: number,
  kind: 'image' | 'gif' = 'image',
): ProbeResult =>
  width > 0 && height > 0
    ? { ok: true, media: { kind, mimeType, extensions, width, height, durationSeconds: null } }
    : {
        ok: false,
        reason: `the ${mimeType} file has no valid dimensions (${width}x${height}); it may be truncated`,
      };

function probePng(b: Buffer): ProbeResult | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 8 || !b.subarray(0, 8).equals(signature)) {
    return null;
  }
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') {
    return { ok: false, reason: 'the PNG file has no IHDR header; it is damaged or truncated' };
  }
  return image('image/png', ['png'], b.readUInt32BE(16), b.readUInt32BE(20));
}

function probeGif(b: Buffer): ProbeResult | null {
  const magic = b.toString('latin1', 0, 6);
  if (magic !== 'GIF87a' && magic !== 'GIF89a') {
    return null;
  }
  if (b.length < 10) {
    return { ok: false, reason: 'the GIF file is truncated' };
  }
  return image('image/gif', ['gif'], b.readUInt16LE(6), b.readUInt16LE(8), 'gif');
}

function probeWebp(b: Buffer): ProbeResult | null {
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') {
    return null;
  }
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && b.length >= 30) {
    return image('image/webp', ['webp'], 1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3));
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return image('image/webp', ['webp'], 1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
  }
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return image('image/webp', ['webp'], b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  }
  return { ok: false, reason: 'the WebP file has no readable VP8, VP8L or VP8X header' };
}

// Start-of-frame markers carry the dimensions; C4 (Huffman tables), C8 (reserved) and CC (arithmetic) do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function probeJpeg(b: Buffer): ProbeResult | null {
  if (b.length < 3 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) {
    return null;
  }
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) {
      break;
    }
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (SOF.has(marker)) {
      if (at + 9 > b.length) {
        break;
      }
      return image('image/jpeg', ['jpg', 'jpeg'], b.readUInt16BE(at + 7), b.readUInt16BE(at + 5));
    }
    if (marker === 0xda || marker === 0xd9 || length < 2) {
      break; // image data or the end before any frame header
    }
    at += 2 + length;
  }
  return { ok: false, reason: 'the JPEG file has no frame header; it is damaged or truncated' };
}
