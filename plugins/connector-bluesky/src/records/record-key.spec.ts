import { describe, expect, it } from 'vitest';
import { isTid, likeKeyFor, recordKeyFor } from './record-key.js';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/** The microseconds a TID carries (its top 53 bits after the sign bit). */
function micros(tid: string): bigint {
  const value = [...tid].reduce((total, char) => total * 32n + BigInt(S32.indexOf(char)), 0n);
  return value >> 10n;
}

describe('recordKeyFor', () => {
  it('derives the same TID-shaped key from the same idempotency key, every time', () => {
    const key = recordKeyFor('target-42:attempt');
    expect(isTid(key)).toBe(true);
    expect(recordKeyFor('target-42:attempt')).toBe(key);
    expect(recordKeyFor('target-43:attempt')).not.toBe(key);
  });

  it('gives each part of one publish its own key, in the order of the thread', () => {
    const keys = [
      recordKeyFor('k', { kind: 'post' }),
      recordKeyFor('k', { kind: 'thread', index: 1 }),
      recordKeyFor('k', { kind: 'thread', index: 2 }),
      recordKeyFor('k', { kind: 'first-comment' }),
    ];
    expect(new Set(keys).size).toBe(4);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.every(isTid)).toBe(true);
  });

  it('takes the time of a UUIDv7 key, so that keys sort as the posts were planned', () => {
    const planned = Date.parse('2026-05-01T12:00:00.000Z');
    const uuid = `${planned
      .toString(16)
      .padStart(12, '0')
      .replace(/^(.{8})(.{4})$/u, '$1-$2')}-7abc-8def-0123456789ab`;
    expect(micros(recordKeyFor(uuid))).toBe(BigInt(planned) * 1000n);
    const later = `${(planned + 1)
      .toString(16)
      .padStart(12, '0')
      .replace(/^(.{8})(.{4})$/u, '$1-$2')}-7abc-8def-0123456789ab`;
    expect(recordKeyFor(later) > recordKeyFor(uuid)).toBe(true);
  });

  it('refuses thread positions it cannot keep in order', () => {
    expect(() => recordKeyFor('k', { kind: 'thread', index: 0 })).toThrow(RangeError);
    expect(() => recordKeyFor('k', { kind: 'thread', index: 901 })).toThrow(RangeError);
  });

  it('derives one like key per post', () => {
    const uri = 'at://did:plc:a/app.bsky.feed.post/3kabc';
    expect(likeKeyFor(uri)).toBe(likeKeyFor(uri));
    expect(likeKeyFor(uri)).not.toBe(likeKeyFor(`${uri}d`));
    expect(isTid(likeKeyFor(uri))).toBe(true);
  });
});
