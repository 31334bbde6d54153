import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import type { GraphFault } from '@chorus/meta-graph/testing';
import { FacebookFake, type FacebookFakeOptions } from './fake/facebook-fake.js';
import type { PageRecord, UserRecord } from './fake/facebook-state.js';
import { FacebookPeer } from './facebook-peer.js';

// Every Page publishing endpoint: the one a fault applies to is whichever creates the post.
const PUBLISH = { method: 'POST', path: /^\/\d+\/(feed|photos|videos|video_reels)$/u } as const;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface FacebookContractSetup extends ContractSetup {
  readonly fake: FacebookFake;
  readonly admin: UserRecord;
  readonly page: PageRecord;
  readonly visitor: UserRecord;
}

/** A fake Graph API with a Page (`Chorus Test`) its admin connects, and a visitor acting as the peer. */
export async function createFacebookContractSetup(
  options: FacebookFakeOptions = {},
): Promise<FacebookContractSetup> {
  const fake = await FacebookFake.start({ videoPolls: 1, ...options });
  const admin = fake.createUser('Page Admin');
  const page = fake.createPage('Chorus Test', admin);
  const visitor = fake.createUser('Visitor');
  const media = (kind: MediaInput['kind'], mimeType: string, data: Uint8Array): MediaInput => ({
    kind,
    mimeType,
    source: { kind: 'bytes', data },
    sizeBytes: data.length,
    width: 1080,
    height: 1080,
  });
  return {
    fake,
    admin,
    page,
    visitor,
    config: {
      appId: fake.config.appId,
      appSecret: fake.config.appSecret,
      webhookVerifyToken: 'verify-me',
      graphUrl: fake.url,
      ruploadUrl: fake.ruploadServer.url,
      dialogUrl: fake.url,
      videoPollIntervalMs: 5,
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
    peer: new FacebookPeer(fake, visitor, page, fake.userToken(visitor, ['public_profile'])),
    media: {
      image: () => media('image', 'image/png', PNG),
      video: () => ({ ...media('video', 'video/mp4', new Uint8Array(64)), durationSeconds: 10 }),
    },
    faults: { next: (fault) => fake.injectFault(toGraphFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    webhook: {
      async deliver() {
        const post = fake.state.createPost({
          pageId: page.id,
          authorId: page.id,
          kind: 'status',
          message: 'Webhook target',
          link: null,
          photoIds: [],
          videoId: null,
          scheduledFor: null,
        });
        fake.world.comment(visitor, post.id, 'A comment that arrives by webhook');
        const delivery = await fake.flushWebhooks();
        if (!delivery) {
          throw new Error('the fake queued no webhook delivery');
        }
        return delivery;
      },
    },
    teardown: () => fake.close(),
  };
}

/** How Meta says each refusal: throttles are HTTP 400 with a code and usage headers, not 429 (1.2, 1.3). */
function toGraphFault(fault: ContractFault): GraphFault {
  switch (fault.kind) {
    case 'rate-limited':
      return {
        kind: 'graph-error',
        error: { code: 32, message: '(#32) Page request limit reached', status: 400 },
        regainMinutes: Math.round(fault.retryAfterSeconds / 60),
        match: PUBLISH,
      };
    case 'invalid-content':
      return {
        kind: 'graph-error',
        error: {
          code: 100,
          message: '(#100) Invalid parameter',
          userMessage: 'The post contains a link that was blocked',
        },
        match: PUBLISH,
      };
    case 'server-error':
      return {
        kind: 'graph-error',
        error: {
          code: 2,
          message: 'An unexpected error has occurred. Please retry your request later.',
          status: 500,
        },
        match: PUBLISH,
      };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send', match: PUBLISH };
  }
}
