import { describe, expect, it } from 'vitest';
import { SharedCalls } from './shared-calls.js';

describe('SharedCalls', () => {
  it('shares a call in flight per key, keeps keys apart, and calls again once it answered', async () => {
    const shared = new SharedCalls<number>();
    let calls = 0;
    const call = async () => {
      calls += 1;
      const mine = calls;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return mine;
    };
    const [a, b, other] = await Promise.all([
      shared.run('a', call),
      shared.run('a', call),
      shared.run('b', call),
    ]);
    expect(a).toBe(b);
    expect(calls).toBe(2);
    expect(other).not.toBe(a);
    await shared.run('a', call);
    expect(calls).toBe(3);
  });

  it('shares a failure with the callers of that call only', async () => {
    const shared = new SharedCalls<string>();
    await expect(shared.run('a', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await shared.run('a', () => Promise.resolve('ok'))).toBe('ok');
  });
});
