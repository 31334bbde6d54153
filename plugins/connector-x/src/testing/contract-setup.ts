import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import { X_SCOPES } from '../config.js';
import type { XFakeFault } from './fake/x-fake-faults.js';
import { XFake, type XFakeOptions } from './fake/x-fake.js';
import type { UserRecord } from './fake/x-fake-state.js';
import { PEER_SCOPES, XPeer } from './x-peer.js';

export interface XContractSetup extends ContractSetup {
  readonly fake: XFake;
  readonly account: UserRecord;
  readonly other: UserRecord;
  readonly config: Record<string, unknown>;
  readonly peer: XPeer;
}

/** A few bytes standing in for a file: the fake checks sizes and types, not pixels. */
export function sampleMedia(kind: MediaInput['kind'], mimeType: string, size = 2048): MediaInput {
  return {
    kind,
    mimeType,
    source: { kind: 'bytes', data: new Uint8Array(size).fill(7) },
    sizeBytes: size,
    width: 1200,
    height: 800,
    ...(kind === 'video' ? { durationSeconds: 12 } : {}),
  };
}

/** The fake X with the connected account (`chorusbrand`) and another user (`peeruser`). */
export async function createXContractSetup(options: XFakeOptions = {}): Promise<XContractSetup> {
  const fake = await XFake.start({ checkAfterSecs: 0, ...options });
  const account = fake.createUser('chorusbrand', 'Chorus Brand');
  const other = fake.createUser('peeruser', 'Peer User');
  fake.signIn(account);
  fake.webhooks.subscribedUserIds.add(account.id);
  return {
    fake,
    account,
    other,
    config: {
      clientId: fake.config.clientId,
      clientSecret: fake.config.clientSecret ?? undefined,
      consumerSecret: fake.config.consumerSecret,
      apiUrl: fake.url,
      authorizeUrl: fake.url,
      chunkBytes: 1024,
    },
    httpTimeoutMs: 1000,
    auth: {
      oauth2: {
        redirectUri: 'https://chorus.test/oauth/callback',
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
        fake.expire(credentials.accessToken);
        return Promise.resolve();
      },
    },
    peer: new XPeer(fake, other, account, fake.tokenFor(other, [...PEER_SCOPES, ...X_SCOPES])),
    media: {
      image: () => sampleMedia('image', 'image/png'),
      video: () => sampleMedia('video', 'video/mp4', 5000),
      gif: () => sampleMedia('gif', 'image/gif', 3000),
    },
    faults: { next: (fault) => fake.injectFault(toXFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    webhook: {
      async deliver() {
        while (fake.nextWebhook()) {
          // Deliveries of earlier tests are not this one.
        }
        await new XPeer(fake, other, account, fake.tokenFor(other, PEER_SCOPES)).mention('Seen by webhook');
        const delivery = fake.nextWebhook();
        if (!delivery) {
          throw new Error('the fake queued no webhook delivery');
        }
        return delivery;
      },
    },
    teardown: () => fake.close(),
  };
}

function toXFault(fault: ContractFault): XFakeFault {
  switch (fault.kind) {
    case 'rate-limited':
      return { kind: 'rate-limited', retryAfterSeconds: fault.retryAfterSeconds };
    case 'invalid-content':
      return {
        kind: 'problem',
        status: 403,
        body: {
          title: 'Forbidden',
          detail: 'The Tweet contains an invalid URL.',
          type: 'about:blank',
          status: 403,
        },
      };
    case 'server-error':
      return { kind: 'server-error' };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send' };
  }
}
