import { describe, expect, it } from 'vitest';
import type { Credentials } from '@chorus/connector-sdk';
import { SharedCredentialsReads } from './shared-credentials-reads.adapter.js';

describe('SharedCredentialsReads', () => {
  it('shares a read in flight for the same channel, and reads again once it answered', async () => {
    const reads: string[] = [];
    let release: () => void = () => undefined;
    const shared = new SharedCredentialsReads({
      credentialsFor(tenantId, channelId) {
        reads.push(`${tenantId}/${channelId}`);
        return new Promise<Credentials>((resolve) => {
          release = () => resolve({ accountId: channelId, accessToken: `token ${reads.length}` });
        });
      },
    });
    const first = shared.credentialsFor('t1', 'c1');
    const second = shared.credentialsFor('t1', 'c1');
    release();
    expect(await first).toEqual(await second);
    expect(reads).toEqual(['t1/c1']);
    const third = shared.credentialsFor('t1', 'c1');
    release();
    expect((await third).accessToken).toBe('token 2');
    expect(reads).toEqual(['t1/c1', 't1/c1']);
  });

  it('keeps tenants and channels apart, and shares a failure only with the callers of that read', async () => {
    let fail = true;
    const shared = new SharedCredentialsReads({
      credentialsFor(tenantId, channelId) {
        return fail
          ? Promise.reject(new Error('gateway down'))
          : Promise.resolve({ accountId: `${tenantId}/${channelId}`, accessToken: 'x' });
      },
    });
    await expect(shared.credentialsFor('t1', 'c1')).rejects.toThrow('gateway down');
    fail = false;
    expect((await shared.credentialsFor('t1', 'c1')).accountId).toBe('t1/c1');
    expect((await shared.credentialsFor('t2', 'c1')).accountId).toBe('t2/c1');
  });
});
