import { describe, expect, it } from 'vitest';
import { createUuidv7Generator, uuidv7, uuidv7Timestamp } from './uuidv7.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('sets the version nibble to 7 and the RFC 9562 variant bits to 10', () => {
    for (let i = 0; i < 1000; i += 1) {
      const id = uuidv7();
      expect(id).toMatch(UUID_V7);
      const hex = id.replace(/-/g, '');
      expect(Number.parseInt(hex[12] ?? '', 16)).toBe(7);
      expect(Number.parseInt(hex[16] ?? '', 16) >> 2).toBe(0b10);
    }
  });

  it('carries the current Unix time in milliseconds', () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();
    expect(uuidv7Timestamp(id)).toBeGreaterThanOrEqual(before);
    expect(uuidv7Timestamp(id)).toBeLessThanOrEqual(after);
  });

  it('sorts in creation order and never repeats, even within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays monotonic on a frozen clock and when the clock steps back', () => {
    const times = [1_700_000_000_000, 1_700_000_000_000, 1_699_999_999_000, 1_700_000_000_001];
    let call = 0;
    const next = createUuidv7Generator(() => times[Math.min(call++, times.length - 1)] ?? 0);
    const ids = times.map(() => next());
    expect([...ids].sort()).toEqual(ids);
    expect(uuidv7Timestamp(ids[2] ?? '')).toBe(1_700_000_000_000);
    expect(uuidv7Timestamp(ids[3] ?? '')).toBe(1_700_000_000_001);
  });
});
