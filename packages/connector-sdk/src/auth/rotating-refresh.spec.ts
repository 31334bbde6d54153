import { describe, expect, it } from 'vitest';
import type { Credentials } from '../capabilities/credentials.js';
import { RotatingRefresh } from './rotating-refresh.js';

const held: Credentials = { accountId: '1', accessToken: 'a1', refreshToken: 'r1' };

describe('RotatingRefresh', () => {
  it('runs the refreshes of one account one at a time; the second caller gets the first exchange', async () => {
    const serial = new RotatingRefresh();
    let calls = 0;
    const refresh = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ...held, accessToken: `a${calls + 1}`, refreshToken: `r${calls + 1}` };
    };
    const [first, second] = await Promise.all([serial.run(held, refresh), serial.run(held, refresh)]);
    expect(calls).toBe(1);
    expect(second).toEqual(first);
  });

  it('a refresh that hands back the same refresh token is not remembered as used', async () => {
    const serial = new RotatingRefresh();
    let calls = 0;
    const unchanged = await serial.run(held, () => {
      calls += 1;
      return Promise.resolve(held);
    });
    expect(unchanged).toBe(held);
    const renewed = await serial.run(held, () => {
      calls += 1;
      return Promise.resolve({ ...held, accessToken: 'a2', refreshToken: 'r2' });
    });
    expect(calls).toBe(2);
    expect(renewed.accessToken).toBe('a2');
    // r1 is now used: a stale copy gets what it was exchanged for, and the exchange is not replayed.
    const stale = await serial.run(held, () => Promise.reject(new Error('replayed a used refresh token')));
    expect(stale.accessToken).toBe('a2');
  });

  it('a caller two refreshes behind gets the newest credentials, not the ones in between', async () => {
    const serial = new RotatingRefresh();
    const second = await serial.run(held, () =>
      Promise.resolve({ ...held, accessToken: 'a2', refreshToken: 'r2' }),
    );
    await serial.run(second, () => Promise.resolve({ ...held, accessToken: 'a3', refreshToken: 'r3' }));
    const stale = await serial.run(held, () => Promise.reject(new Error('replayed a used refresh token')));
    expect(stale).toMatchObject({ accessToken: 'a3', refreshToken: 'r3' });
  });
});
