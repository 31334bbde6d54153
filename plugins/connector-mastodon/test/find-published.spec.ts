import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedMastodon, type ConnectedMastodon } from './support/connected-mastodon.js';

let mastodon: ConnectedMastodon;

beforeAll(async () => {
  mastodon = await connectedMastodon();
});

afterAll(async () => {
  await mastodon.setup.teardown?.();
});

const windowFrom = (start: number) => ({
  from: new Date(start).toISOString(),
  to: new Date(Date.now() + 1_000).toISOString(),
});

describe('Mastodon findPublished', () => {
  it('finds the one status that matches text, content warning and media count', async () => {
    const { connector, credentials } = mastodon;
    const start = Date.now();
    const post = { text: 'Only once in this window' };
    const published = await connector.publish!(credentials, {
      idempotencyKey: 'once',
      fingerprint: 'once',
      post,
    });
    const found = await connector.findPublished!(credentials, {
      idempotencyKey: 'once',
      fingerprint: 'once',
      post,
      window: windowFrom(start),
    });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId });
  });

  it('answers unknown, not found, when two statuses in the window look like the post', async () => {
    const { connector, credentials } = mastodon;
    const start = Date.now();
    const post = { text: 'Said twice on purpose' };
    for (const key of ['twice-1', 'twice-2']) {
      await connector.publish!(credentials, { idempotencyKey: key, fingerprint: key, post });
    }
    const result = await connector.findPublished!(credentials, {
      idempotencyKey: 'twice-3',
      fingerprint: 'twice-3',
      post,
      window: windowFrom(start),
    });
    expect(result).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(/2 statuses/u) as unknown,
    });
  });

  it('does not take a status with other media for this one', async () => {
    const { connector, credentials, setup } = mastodon;
    const start = Date.now();
    await connector.publish!(credentials, {
      idempotencyKey: 'with-image',
      fingerprint: 'with-image',
      post: { text: 'Same words, one image', media: [setup.media!.image!()] },
    });
    const result = await connector.findPublished!(credentials, {
      idempotencyKey: 'without-image',
      fingerprint: 'without-image',
      post: { text: 'Same words, one image' },
      window: windowFrom(start),
    });
    expect(result).toEqual({ status: 'not-found' });
  });
});
