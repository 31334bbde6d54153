import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

// Real files for media tests: images encoded by libvips (sharp), MP4/MOV movies assembled box by box the way
// encoders lay them out (ftyp, then mdat and moov in either order).

export async function imageFile(
  format: 'jpeg' | 'png' | 'webp' | 'gif',
  width: number,
  height: number,
  options: { noise?: boolean } = {},
): Promise<Buffer> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let i = 0; i < raw.length; i += 1) {
    // Noise compresses badly: a way to get a large file from small dimensions.
    raw[i] = options.noise === true ? Math.floor(Math.random() * 256) : (i * 7) % 256;
  }
  const image = sharp(raw, { raw: { width, height, channels } });
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 95 }).toBuffer();
    case 'png':
      return image.png().toBuffer();
    case 'webp':
      return image.webp().toBuffer();
    case 'gif':
      return image.gif().toBuffer();
  }
}

const box = (type: string, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

function mvhd(version: 0 | 1, timescale: number, duration: number): Buffer {
  const times =
    version === 1
      ? [u64(0), u64(0), u32(timescale), u64(duration)]
      : [u32(0), u32(0), u32(timescale), u32(duration)];
  return box('mvhd', Buffer.from([version, 0, 0, 0]), ...times, Buffer.alloc(80));
}

function tkhd(version: 0 | 1, width: number, height: number, rotated: boolean): Buffer {
  const head =
    version === 1 ? [u64(0), u64(0), u32(1), u32(0), u64(1000)] : [u32(0), u32(0), u32(1), u32(0), u32(1000)];
  const one = 0x10000;
  // a b u / c d v / x y w; a 90° rotation is a=0 b=1 c=-1 d=0.
  const matrix = rotated
    ? [i32(0), i32(one), i32(0), i32(-one), i32(0), i32(0), i32(0), i32(0), i32(0x40000000)]
    : [i32(one), i32(0), i32(0), i32(0), i32(one), i32(0), i32(0), i32(0), i32(0x40000000)];
  return box(
    'tkhd',
    Buffer.from([version, 0, 0, 3]),
    ...head,
    Buffer.alloc(8), // reserved
    Buffer.alloc(8), // layer, alternate group, volume, reserved
    ...matrix,
    u32(width * 0x10000),
    u32(height * 0x10000),
  );
}

export function movieFile(options: {
  brand?: string;
  width: number;
  height: number;
  seconds: number;
  version?: 0 | 1;
  rotated?: boolean;
  moovFirst?: boolean;
  audioTrackFirst?: boolean;
}): Buffer {
  const version = options.version ?? 0;
  const timescale = 600;
  const ftyp = box(
    'ftyp',
    Buffer.from((options.brand ?? 'isom').padEnd(4, ' '), 'latin1'),
    u32(512),
    Buffer.from('isomiso2avc1mp41'),
  );
  const audio = box('trak', tkhd(version, 0, 0, false));
  const video = box('trak', tkhd(version, options.width, options.height, options.rotated ?? false));
  const moov = box(
    'moov',
    mvhd(version, timescale, Math.round(options.seconds * timescale)),
    ...(options.audioTrackFirst === true ? [audio, video] : [video]),
  );
  const mdat = box('mdat', Buffer.alloc(2048, 1));
  return options.moovFirst === true ? Buffer.concat([ftyp, moov, mdat]) : Buffer.concat([ftyp, mdat, moov]);
}

/**
 * A PNG whose header claims a huge canvas (width x height) over a few bytes of data: what a decompression bomb
 * looks like to a server before it decodes anything.
 */
export function pixelBombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length, 0);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed), 0);
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
