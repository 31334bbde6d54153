import { describe, expect, it } from 'vitest';
import type { Clock } from '@chorus/connector-sdk';
import { RateLimiter } from './rate-limiter.js';

function manualClock(start = 0): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), sleep: () => Promise.resolve(), advance: (ms) => (now += ms) };
}

describe('RateLimiter', () => {
  const rule = { requests: 2, windowSeconds: 10 };

  it('allows the declared requests per sliding window and says how long to wait for the next', () => {
    const clock = manualClock();
    const limiter = new RateLimiter(clock);
    const slot = [{ key: 'n|a|posts', rule }];
    expect(limiter.tryAcquire(slot, []).ok).toBe(true);
    clock.advance(4000);
    expect(limiter.tryAcquire(slot, []).ok).toBe(true);
    expect(limiter.tryAcquire(slot, [])).toEqual({ ok: false, waitMs: 6000, key: 'n|a|posts' });
    clock.advance(6001);
    expect(limiter.tryAcquire(slot, []).ok).toBe(true);
  });

  it('takes a slot from every applicable rule or from none', () => {
    const limiter = new RateLimiter(manualClock());
    const all = { key: 'n|a|*', rule: { requests: 5, windowSeconds: 60 } };
    const media = { key: 'n|a|media', rule: { requests: 1, windowSeconds: 60 } };
    expect(limiter.tryAcquire([all, media], []).ok).toBe(true);
    expect(limiter.tryAcquire([all, media], []).ok).toBe(false);
    // The refused media request did not spend a slot of the global budget.
    for (let index = 0; index < 4; index += 1) {
      expect(limiter.tryAcquire([all], []).ok).toBe(true);
    }
    expect(limiter.tryAcquire([all], []).ok).toBe(false);
  });

  it("honours blocks from the network's signals until they expire, never shortening one", () => {
    const clock = manualClock();
    const limiter = new RateLimiter(clock);
    limiter.block('n|a|*', 30_000);
    limiter.block('n|a|*', 10_000);
    expect(limiter.tryAcquire([], ['n|a|*'])).toEqual({ ok: false, waitMs: 30_000, key: 'n|a|*' });
    expect(limiter.tryAcquire([], ['n|b|*']).ok).toBe(true);
    clock.advance(30_000);
    expect(limiter.tryAcquire([], ['n|a|*']).ok).toBe(true);
  });
});
