import type { ProbeResult } from './media-probe.value-object.js';

// MP4 and QuickTime (ISO base media) files: an `ftyp` box first, then `moov` (anywhere, often after `mdat`)
// whose `mvhd` holds the duration and whose video `trak/tkhd` holds the display size. No decoding, no ffmpeg.

interface Box {
  readonly type: string;
  /** Where the box's content starts and ends (after its 8- or 16-byte header). */
  readonly start: number;
  readonly end: number;
}

function* boxes(b: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) {
        return;
      }
      size = Number(b.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at; // the box runs to the end of the file
    }
    if (size < header || at + size > to) {
      return; // truncated or corrupt: stop rather than read garbage
    }
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

const child = (b: Buffer, parent: Box, type: string) =>
  [...boxes(b, parent.start, parent.end)].find((box) => box.type === type);

const IMAGE_BRANDS = new Set(['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis']);

export function probeIsoMedia(b: Buffer): ProbeResult | null {
  if (b.length < 12 || b.toString('latin1', 4, 8) !== 'ftyp') {
    return null;
  }
  const brand = b.toString('latin1', 8, 12);
  if (IMAGE_BRANDS.has(brand)) {
    return {
      ok: false,
      reason: `HEIF/AVIF images ("${brand.trim()}") are not accepted; export the image as JPEG or PNG`,
    };
  }
  const quickTime = brand === 'qt  ';
  const mimeType = quickTime ? 'video/quicktime' : 'video/mp4';
  const extensions = quickTime ? ['mov'] : ['mp4', 'm4v'];
  const moov = [...boxes(b, 0, b.length)].find((box) => box.type === 'moov');
  if (moov === undefined) {
    return {
      ok: false,
      reason: `the ${mimeType} file has no "moov" box; it is truncated or still being written`,
    };
  }
  const mvhd = child(b, moov, 'mvhd');
  const durationSeconds = mvhd === undefined ? null : durationOf(b, mvhd);
  const size = [...boxes(b, moov.start, moov.end)]
    .filter((box) => box.type === 'trak')
    .map((trak) => child(b, trak, 'tkhd'))
    .map((tkhd) => (tkhd === undefined ? null : displaySizeOf(b, tkhd)))
    .find((s) => s !== null && s.width > 0 && s.height > 0);
  if (size === undefined || size === null) {
    return { ok: false, reason: `the ${mimeType} file has no video track (audio only?)` };
  }
  if (durationSeconds === null || durationSeconds <= 0) {
    return { ok: false, reason: `the ${mimeType} file declares no duration; it may be damaged` };
  }
  return {
    ok: true,
    media: { kind: 'video', mimeType, extensions, width: size.width, height: size.height, durationSeconds },
  };
}

function durationOf(b: Buffer, mvhd: Box): number | null {
  const version = b[mvhd.start];
  if (version === 1 && mvhd.start + 32 <= mvhd.end) {
    const timescale = b.readUInt32BE(mvhd.start + 20);
    const duration = Number(b.readBigUInt64BE(mvhd.start + 24));
    return timescale === 0 ? null : round3(duration / timescale);
  }
  if (version === 0 && mvhd.start + 20 <= mvhd.end) {
    const timescale = b.readUInt32BE(mvhd.start + 12);
    const duration = b.readUInt32BE(mvhd.start + 16);
    return timescale === 0 ? null : round3(duration / timescale);
  }
  return null;
}

/** Width and height (16.16 fixed point) as shown: a 90° rotation in the track matrix swaps them. */
function displaySizeOf(b: Buffer, tkhd: Box): { width: number; height: number } | null {
  const version = b[tkhd.start];
  const matrixAt = tkhd.start + (version === 1 ? 52 : 40);
  const sizeAt = tkhd.start + (version === 1 ? 88 : 76);
  if (sizeAt + 8 > tkhd.end) {
    return null;
  }
  const width = Math.round(b.readUInt32BE(sizeAt) / 65536);
  const height = Math.round(b.readUInt32BE(sizeAt + 4) / 65536);
  const a = b.readInt32BE(matrixAt);
  const d = b.readInt32BE(matrixAt + 16);
  const rotated = a === 0 && d === 0;
  return rotated ? { width: height, height: width } : { width, height };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
