import { deflateSync } from 'node:zlib';
import type { MediaInput } from '@chorus/connector-sdk';

/**
 * A real PNG of the given size, one colour, built here so that tests need no binary fixtures. The PDS sniffs
 * uploaded bytes, so a file must be what its type says.
 */
export function samplePng(width = 2, height = 1, padding = 0): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    // A text chunk pads the file to a chosen size (for size-limit tests) and is ignored by decoders.
    ...(padding > 0
      ? [chunk('tEXt', Buffer.concat([Buffer.from('pad\0'), Buffer.alloc(padding, 0x61)]))]
      : []),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of an MP4 file (an ftyp box and free space): what the PDS sniffs to store it as video/mp4. */
export function sampleMp4(): Uint8Array {
  const ftyp = Buffer.concat([u32(32), Buffer.from('ftypisom'), u32(0x200), Buffer.from('isomiso2avc1mp41')]);
  return Buffer.concat([ftyp, u32(72), Buffer.from('free'), Buffer.alloc(64)]);
}

export function imageInput(data: Uint8Array = samplePng(2, 1), width = 2, height = 1): MediaInput {
  return {
    kind: 'image',
    mimeType: 'image/png',
    source: { kind: 'bytes', data },
    sizeBytes: data.length,
    width,
    height,
  };
}

export function videoInput(data: Uint8Array = sampleMp4()): MediaInput {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { kind: 'bytes', data },
    sizeBytes: data.length,
    width: 16,
    height: 9,
    durationSeconds: 1,
  };
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}
