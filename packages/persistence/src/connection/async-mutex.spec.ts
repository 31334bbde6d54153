import { describe, expect, it } from 'vitest';
import { AsyncMutex } from './async-mutex.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AsyncMutex', () => {
  it('lets one holder in at a time and serves waiters first in, first out', async () => {
    const mutex = new AsyncMutex();
    const order: string[] = [];
    const release = await mutex.acquire();
    const waiters = ['a', 'b', 'c'].map((name) => mutex.acquire().then((done) => ({ name, done })));
    await tick();
    expect(mutex.waiting).toBe(3);
    release();
    for (const waiter of waiters) {
      const { name, done } = await waiter;
      order.push(name);
      done();
    }
    expect(order).toEqual(['a', 'b', 'c']);
    expect(mutex.isLocked).toBe(false);
  });

  it('does not let a newcomer overtake a waiter when the lock is handed over', async () => {
    const mutex = new AsyncMutex();
    const release = await mutex.acquire();
    const order: string[] = [];
    const waiter = mutex.acquire().then((done) => (order.push('waiter'), done()));
    await tick();
    release();
    const newcomer = mutex.acquire().then((done) => (order.push('newcomer'), done()));
    await Promise.all([waiter, newcomer]);
    expect(order).toEqual(['waiter', 'newcomer']);
  });

  it('ignores a second release of the same hold', async () => {
    const mutex = new AsyncMutex();
    const release = await mutex.acquire();
    const second = mutex.acquire();
    release();
    release();
    const releaseSecond = await second;
    const third = mutex.acquire();
    await tick();
    expect(mutex.waiting).toBe(1);
    releaseSecond();
    (await third)();
  });
});
