import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidContentError, type MediaInput } from '@chorus/connector-sdk';
import { connectedMastodon, type ConnectedMastodon } from './support/connected-mastodon.js';

// A server configured unlike Mastodon's defaults: the connector must follow what /api/v2/instance says.
let mastodon: ConnectedMastodon;

beforeAll(async () => {
  mastodon = await connectedMastodon({ instance: { maxCharacters: 1000, maxMediaAttachments: 2 } });
});

afterAll(async () => {
  await mastodon.setup.teardown?.();
});

const image = (): MediaInput => ({ ...mastodon.setup.media!.image!(), altText: 'A dot' });

describe("a server's own limits", () => {
  it('accepts and publishes a text longer than the default 500 where the server allows 1000', async () => {
    const { connector, credentials } = mastodon;
    const text = 'x'.repeat(800);
    expect(await connector.validate({ text }, { credentials })).toEqual([]);
    const result = await connector.publish!(credentials, {
      idempotencyKey: 'long',
      fingerprint: 'long',
      post: { text },
    });
    expect(result.remoteId.length).toBeGreaterThan(0);
  });

  it("refuses, before any network call, what exceeds the server's limits", async () => {
    const { connector, credentials, setup } = mastodon;
    const before = setup.fake.published().length;
    const error = await connector.publish!(credentials, {
      idempotencyKey: 'over',
      fingerprint: 'over',
      post: { text: 'x'.repeat(1001), media: [image(), image(), image()] },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidContentError);
    expect((error as InvalidContentError).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['text'], limit: 1000, actual: 1001 }),
        expect.objectContaining({ path: ['media'], code: 'too-many-media', limit: 2, actual: 3 }),
      ]),
    );
    expect(setup.fake.published().length).toBe(before);
  });
});

describe("reading a server's limits", () => {
  it('reads /api/v2/instance once for many posts checked at the same moment', async () => {
    const fresh = await connectedMastodon({ instance: { maxCharacters: 1000 } });
    try {
      const { connector, credentials, setup } = fresh;
      const checks = await Promise.all(
        Array.from({ length: 20 }, () => connector.validate({ text: 'x'.repeat(800) }, { credentials })),
      );
      expect(checks.every((issues) => issues.length === 0)).toBe(true);
      const reads = setup.fake.requests().filter((r) => r.path === '/api/v2/instance');
      expect(reads).toHaveLength(1);
    } finally {
      await fresh.setup.teardown?.();
    }
  });
});
