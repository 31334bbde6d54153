import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher.js';

const fulfilled = <T>(value: T): PromiseSettledResult<T> => ({ status: 'fulfilled', value });

describe('MicroBatcher', () => {
  it('runs the calls of one event-loop turn as one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>((items) => {
      batches.push([...items]);
      return Promise.resolve(items.map((n) => fulfilled(n * 10)));
    }, 100);
    const results = await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    // A later turn is a new batch.
    expect(await batcher.add(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('never runs more than maxSize items at once', async () => {
    const sizes: number[] = [];
    const batcher = new MicroBatcher<number, number>((items) => {
      sizes.push(items.length);
      return Promise.resolve(items.map(fulfilled));
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects every caller of a batch that throws, and later batches run', async () => {
    let fail = true;
    const batcher = new MicroBatcher<number, number>((items) => {
      if (fail) {
        return Promise.reject(new Error('database down'));
      }
      return Promise.resolve(items.map(fulfilled));
    }, 10);
    const outcomes = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.add(3)).toBe(3);
  });

  it('rejects only the caller whose own item failed', async () => {
    const batcher = new MicroBatcher<number, number>(
      (items) =>
        Promise.resolve(
          items.map((n): PromiseSettledResult<number> =>
            n === 2 ? { status: 'rejected', reason: new Error('bad row') } : fulfilled(n),
          ),
        ),
      10,
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => batcher.add(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs at most maxInFlight batches at once; calls made meanwhile form the next, larger batch', async () => {
    const batches: number[][] = [];
    const release: (() => void)[] = [];
    const batcher = new MicroBatcher<number, number>(
      (items) => {
        batches.push([...items]);
        return new Promise((resolve) => release.push(() => resolve(items.map(fulfilled))));
      },
      100,
      1,
    );
    const first = batcher.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    // The first batch is still running: these three wait, then go together.
    const rest = [2, 3, 4].map((n) => batcher.add(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release.shift()!();
    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release.shift()!();
    expect(await Promise.all(rest)).toEqual([2, 3, 4]);
  });

  it('rejects the callers of a run that throws synchronously, and goes on', async () => {
    let fail = true;
    const batcher = new MicroBatcher<number, number>(
      (items) => {
        if (fail) {
          throw new Error('bug');
        }
        return Promise.resolve(items.map(fulfilled));
      },
      10,
      1,
    );
    await expect(batcher.add(1)).rejects.toThrow('bug');
    fail = false;
    expect(await batcher.add(2)).toBe(2);
  });
});
