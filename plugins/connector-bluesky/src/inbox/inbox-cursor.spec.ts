import { describe, expect, it } from 'vitest';
import { advance, decodeCursor, encodeCursor, isAfter } from './inbox-cursor.js';

describe('inbox cursor', () => {
  const at = '2026-05-01T12:00:00.000Z';

  it('keeps notifications that share the instant of the last one seen, unless already seen', () => {
    const position = { indexedAt: at, uris: ['at://a/p/1'] };
    expect(isAfter(position, at, 'at://a/p/1')).toBe(false);
    expect(isAfter(position, at, 'at://a/p/2')).toBe(true);
    expect(isAfter(position, '2026-05-01T11:59:59.999Z', 'at://a/p/3')).toBe(false);
    expect(isAfter(null, at, 'at://a/p/1')).toBe(true);
  });

  it('advances to the newest instant, remembering every id seen at it', () => {
    const next = advance(null, [
      { indexedAt: at, uri: 'at://a/p/1' },
      { indexedAt: '2026-05-01T12:00:01.000Z', uri: 'at://a/p/2' },
      { indexedAt: '2026-05-01T12:00:01.000Z', uri: 'at://a/p/3' },
    ]);
    expect(next).toEqual({ indexedAt: '2026-05-01T12:00:01.000Z', uris: ['at://a/p/2', 'at://a/p/3'] });
    expect(advance(next, [])).toBe(next);
  });

  it('round-trips through its opaque form and reads anything else as the start', () => {
    const position = { indexedAt: at, uris: ['at://a/p/1'] };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor('n1:123')).toBeNull();
    expect(decodeCursor('b1:not-json')).toBeNull();
    expect(encodeCursor(null)).toBeNull();
  });
});
