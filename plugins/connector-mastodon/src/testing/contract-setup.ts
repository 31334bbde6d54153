import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import type { FakeFault } from './fake/fake-faults.js';
import { MastodonFake, type MastodonFakeOptions } from './fake/mastodon-fake.js';
import { MastodonPeer } from './mastodon-peer.js';
import { WebhookCapture } from './webhook-capture.js';

const STATUSES = { method: 'POST', path: '/api/v1/statuses' } as const;
// A 1x1 PNG; the fake checks types and sizes, not pixels.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface MastodonContractSetup extends ContractSetup {
  readonly fake: MastodonFake;
}

/** A fake server with the connected account (`chorus`) and another user (`peer`), ready for the contract kit. */
export async function createMastodonContractSetup(
  options: MastodonFakeOptions = {},
): Promise<MastodonContractSetup> {
  const fake = await MastodonFake.start(options);
  const own = fake.createAccount('chorus', 'Chorus Test');
  const other = fake.createAccount('peer', 'Peer');
  const peer = new MastodonPeer(fake.url, fake.tokenFor(other.id), own);
  const webhookSecret = 'contract-webhook-secret';
  const capture = await WebhookCapture.start();
  fake.registerWebhook({ url: capture.url, events: ['status.created'], secret: webhookSecret });
  fake.consentAs(own.username);
  const redirectUri = 'https://chorus.test/oauth/callback';
  const media = (kind: MediaInput['kind'], mimeType: string, data: Uint8Array): MediaInput => ({
    kind,
    mimeType,
    source: { kind: 'bytes', data },
    sizeBytes: data.length,
    width: 1,
    height: 1,
  });
  return {
    fake,
    config: { mediaPollIntervalMs: 5, webhooks: [{ instanceUrl: fake.url, secret: webhookSecret }] },
    httpTimeoutMs: 1000,
    auth: {
      oauth2: {
        redirectUri,
        params: { instanceUrl: fake.url },
        async consent(url) {
          const response = await fetch(url, { redirect: 'manual' });
          const location = response.headers.get('location');
          if (response.status !== 302 || !location) {
            throw new Error(`consent failed: HTTP ${response.status} ${await response.text()}`);
          }
          const redirect = new URL(location);
          return { code: redirect.searchParams.get('code') ?? '', state: redirect.searchParams.get('state') };
        },
      },
      expire: (credentials) => {
        fake.revokeToken(credentials.accessToken);
        return Promise.resolve();
      },
    },
    peer,
    webhook: {
      // The admin webhook posts every new status: the peer's mention is the delivery the kit checks.
      async deliver() {
        await fake.webhooksSettled();
        const before = capture.received.length;
        await peer.mention('a webhook, please');
        await fake.webhooksSettled();
        const delivery = capture.received[before];
        if (!delivery) {
          throw new Error('the fake server posted no webhook delivery');
        }
        return delivery;
      },
    },
    media: {
      image: () => media('image', 'image/png', PNG),
      gif: () => media('gif', 'image/gif', new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])),
      video: () => ({ ...media('video', 'video/mp4', new Uint8Array(64)), durationSeconds: 3 }),
    },
    faults: { next: (fault) => fake.injectFault(toFakeFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    teardown: async () => {
      await fake.close();
      await capture.close();
    },
  };
}

function toFakeFault(fault: ContractFault): FakeFault {
  switch (fault.kind) {
    case 'rate-limited':
      return { kind: 'rate-limited', retryAfterSeconds: fault.retryAfterSeconds, match: STATUSES };
    case 'invalid-content':
      return {
        kind: 'invalid-content',
        message: 'Validation failed: Text contains a forbidden word',
        match: STATUSES,
      };
    case 'server-error':
      return { kind: 'server-error', status: 503, match: STATUSES };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send', match: STATUSES };
  }
}
