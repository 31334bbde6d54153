import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import type { GraphFault } from '@chorus/meta-graph/testing';
import { THREADS_SCOPES } from '../config.js';
import { ThreadsFake, type ThreadsFakeOptions } from './fake/threads-fake.js';
import type { UserRecord } from './fake/threads-state.js';
import { ThreadsPeer } from './threads-peer.js';

const PUBLISH = { method: 'POST', path: /^\/\d+\/threads_publish$/u } as const;

export interface ThreadsContractSetup extends ContractSetup {
  readonly fake: ThreadsFake;
  readonly account: UserRecord;
  readonly other: UserRecord;
}

/** The fake Threads API with the connected profile (`chorus.test`) and another user (`peer.user`). */
export async function createThreadsContractSetup(
  options: ThreadsFakeOptions = {},
): Promise<ThreadsContractSetup> {
  const fake = await ThreadsFake.start({ videoPolls: 1, ...options });
  const account = fake.createUser('chorus.test');
  const other = fake.createUser('peer.user');
  const media = (kind: MediaInput['kind'], mimeType: string, url: string): MediaInput => ({
    kind,
    mimeType,
    source: { kind: 'url', url },
    sizeBytes: 10_000,
    width: 1080,
    height: 1080,
  });
  return {
    fake,
    account,
    other,
    config: {
      appId: fake.config.appId,
      appSecret: fake.config.appSecret,
      webhookVerifyToken: 'verify-me',
      graphUrl: fake.url,
      authorizeUrl: fake.url,
      containerPollIntervalMs: 5,
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
    peer: new ThreadsPeer(fake, other, account, fake.tokenFor(other, THREADS_SCOPES)),
    media: {
      image: () => media('image', 'image/jpeg', 'https://media.chorus.test/photo.jpg'),
      video: () => ({
        ...media('video', 'video/mp4', 'https://media.chorus.test/clip.mp4'),
        durationSeconds: 10,
      }),
    },
    faults: { next: (fault) => fake.injectFault(toGraphFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    webhook: {
      async deliver() {
        const root = fake.world.post(account, 'root');
        fake.world.post(other, 'A reply that arrives by webhook', root);
        const delivery = await fake.nextWebhook();
        if (!delivery) {
          throw new Error('the fake queued no webhook delivery');
        }
        return delivery;
      },
    },
    teardown: () => fake.close(),
  };
}

function toGraphFault(fault: ContractFault): GraphFault {
  switch (fault.kind) {
    case 'rate-limited':
      return {
        kind: 'graph-error',
        error: { code: 4, message: '(#4) Application request limit reached' },
        regainMinutes: Math.round(fault.retryAfterSeconds / 60),
        match: PUBLISH,
      };
    case 'invalid-content':
      return {
        kind: 'graph-error',
        error: {
          code: 100,
          message: 'The media could not be fetched from this URI',
          userMessage: 'The media could not be fetched from this URI',
        },
        match: PUBLISH,
      };
    case 'server-error':
      return {
        kind: 'graph-error',
        error: { code: 2, message: 'An unexpected error has occurred.', status: 500 },
        match: PUBLISH,
      };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send', match: PUBLISH };
  }
}
