// RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, then 74 random bits. The first 42 of those random bits
// act as a counter within one millisecond (RFC 9562 §6.2, method 1), so ids made by one process sort in the
// order they were made, even when many share a millisecond or the clock steps back.

const COUNTER_BITS = 42;
const MAX_COUNTER = 2 ** COUNTER_BITS - 1;
// A fresh millisecond seeds the counter below 2^41, leaving at least 2^41 increments before it overflows.
const SEED_LIMIT = 2 ** (COUNTER_BITS - 1);

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export type Clock = () => number;
export type RandomFill = (bytes: Uint8Array) => void;

const systemRandom: RandomFill = (bytes) => {
  globalThis.crypto.getRandomValues(bytes);
};

/** Makes a UUIDv7 generator with its own monotonic state; tests pass a fake clock. */
export function createUuidv7Generator(
  clock: Clock = Date.now,
  randomFill: RandomFill = systemRandom,
): () => string {
  let lastMillis = -1;
  let counter = 0;
  const random = new Uint8Array(10);

  return () => {
    randomFill(random);
    const now = Math.floor(clock());
    if (now > lastMillis) {
      lastMillis = now;
      counter = seedCounter(random);
    } else if (counter < MAX_COUNTER) {
      // Same millisecond, or the clock stepped back: stay on the last timestamp and count up.
      counter += 1;
    } else {
      // Counter exhausted within one millisecond: borrow the next millisecond rather than repeat.
      lastMillis += 1;
      counter = seedCounter(random);
    }
    return format(lastMillis, counter, random);
  };
}

function seedCounter(random: Uint8Array): number {
  // 41 random bits from the first six bytes (8 * 5 + 1).
  let value = 0;
  for (let i = 0; i < 5; i += 1) {
    value = value * 256 + (random[i] ?? 0);
  }
  return (value * 2 + ((random[5] ?? 0) & 1)) % SEED_LIMIT;
}

function format(millis: number, counter: number, random: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let ms = millis;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  // Counter layout: 12 bits in rand_a, then 30 bits at the top of rand_b.
  const high12 = Math.floor(counter / 2 ** 30);
  const low30 = counter % 2 ** 30;
  bytes[6] = 0x70 | (high12 >>> 8);
  bytes[7] = high12 & 0xff;
  bytes[8] = 0x80 | (low30 >>> 24);
  bytes[9] = (low30 >>> 16) & 0xff;
  bytes[10] = (low30 >>> 8) & 0xff;
  bytes[11] = low30 & 0xff;
  for (let i = 12; i < 16; i += 1) {
    bytes[i] = random[i - 6] ?? 0;
  }
  let hex = '';
  for (const byte of bytes) {
    hex += HEX[byte];
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new UUIDv7; monotonic within this process. */
export const uuidv7: () => string = createUuidv7Generator();

/** The Unix millisecond timestamp carried by a UUIDv7. */
export function uuidv7Timestamp(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
