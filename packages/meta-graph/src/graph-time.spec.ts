import { describe, expect, it } from 'vitest';
import { graphTime, unixMillis, unixSeconds } from './graph-time.js';

describe('graph date-times', () => {
  it('reads the Graph forms as ISO strings', () => {
    expect(graphTime.parse('2024-08-07T10:33:16+0000')).toBe('2024-08-07T10:33:16.000Z');
    expect(graphTime.parse('2024-08-07T12:33:16+02:00')).toBe('2024-08-07T10:33:16.000Z');
    expect(graphTime.parse('2024-08-07T10:33:16.250Z')).toBe('2024-08-07T10:33:16.250Z');
  });

  it('refuses what a Date would turn into a RangeError or a guess', () => {
    for (const text of ['yesterday', '', '1700000000', '2024-08-07', '2024-13-40T99:00:00+0000']) {
      expect(graphTime.safeParse(text).success, text).toBe(false);
    }
    expect(unixSeconds.safeParse(1e300).success).toBe(false);
    expect(unixMillis.safeParse(-1).success).toBe(false);
    expect(unixMillis.safeParse(1_700_000_000_000).success).toBe(true);
  });
});
