import { createHash } from 'node:crypto';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/iu;
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/u;
// One bit under the 53 a TID's timestamp has, so that adding a part's ordinal never overflows it.
const HASHED_TIMESTAMP_BITS = 52n;

/** Which record of one publish a key is for: the post, a later part of its thread, its first comment. */
export type RecordPart =
  | { readonly kind: 'post' }
  | { readonly kind: 'thread'; readonly index: number }
  | {
      readonly kind: 'first-comment';
    };

/**
 * The record key of one record of a publish, derived from the caller's idempotency key alone, so that every
 * attempt writes to the same key and the PDS refuses a second copy (network-apis.md 11.6).
 *
 * It is TID-shaped because app.bsky.feed.post declares `key: tid` and the AppView indexes only such posts. A
 * UUIDv7 key lends its time, so record keys sort as the posts were planned; any other key is hashed into the
 * timestamp bits. The parts of one publish differ in the lowest microseconds, so a thread's keys sort in order.
 */
export function recordKeyFor(idempotencyKey: string, part: RecordPart = { kind: 'post' }): string {
  const digest = createHash('sha256').update(`chorus/bluesky/${idempotencyKey}`).digest();
  const clockId = BigInt(digest.readUInt16BE(0) & 0x3ff);
  const hashed = digest.readBigUInt64BE(2) & ((1n << HASHED_TIMESTAMP_BITS) - 1n);
  const planned = plannedMillis(idempotencyKey);
  const base = planned === undefined ? hashed - (hashed % 1000n) : BigInt(planned) * 1000n;
  const micros = base + BigInt(ordinal(part));
  return encodeTid(micros, clockId);
}

/** The record key of the like of one post: one like per post, so a retried like is harmless. */
export function likeKeyFor(subjectUri: string): string {
  return recordKeyFor(`like:${subjectUri}`);
}

export function isTid(value: string): boolean {
  return TID.test(value);
}

function ordinal(part: RecordPart): number {
  switch (part.kind) {
    case 'post':
      return 0;
    case 'thread':
      if (!Number.isInteger(part.index) || part.index < 1 || part.index > 900) {
        throw new RangeError(`thread part index ${part.index} is outside 1..900`);
      }
      return part.index;
    case 'first-comment':
      return 999;
  }
}

function plannedMillis(key: string): number | undefined {
  if (!UUID_V7.test(key)) {
    return undefined;
  }
  return Number.parseInt(key.replace(/-/gu, '').slice(0, 12), 16);
}

function encodeTid(micros: bigint, clockId: bigint): string {
  let value = (micros << 10n) | clockId;
  let out = '';
  for (let index = 0; index < 13; index += 1) {
    out = S32[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}
