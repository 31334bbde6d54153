import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import type { GraphFault } from '@chorus/meta-graph/testing';
import type { InstagramLogin } from '../config.js';
import { InstagramFake, type InstagramFakeOptions } from './fake/instagram-fake.js';
import type { AccountRecord } from './fake/instagram-state.js';
import { InstagramPeer } from './instagram-peer.js';

const PUBLISH = { method: 'POST', path: /^\/\d+\/media_publish$/u } as const;
export const SAMPLE_IMAGE_URL = 'https://media.chorus.test/photo.jpg';
export const SAMPLE_VIDEO_URL = 'https://media.chorus.test/clip.mp4';

export interface InstagramContractSetup extends ContractSetup {
  readonly fake: InstagramFake;
  readonly account: AccountRecord;
  readonly other: AccountRecord;
}

/** Both fake hosts, the connected account (`chorus.test`, linked to a Page) and another user (`peer.user`). */
export async function createInstagramContractSetup(
  options: InstagramFakeOptions & { login?: InstagramLogin } = {},
): Promise<InstagramContractSetup> {
  const fake = await InstagramFake.start({ videoPolls: 1, ...options });
  const account = fake.createAccount('chorus.test', { page: true });
  const other = fake.createAccount('peer.user');
  fake.host(SAMPLE_IMAGE_URL, { type: 'image/jpeg', sizeBytes: 120_000, width: 1080, height: 1080 });
  fake.host(SAMPLE_VIDEO_URL, {
    type: 'video/mp4',
    sizeBytes: 2_000_000,
    width: 1080,
    height: 1920,
    durationSeconds: 12,
  });
  const image = (): MediaInput => ({
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { kind: 'url', url: SAMPLE_IMAGE_URL },
    sizeBytes: 120_000,
    width: 1080,
    height: 1080,
  });
  return {
    fake,
    account,
    other,
    config: {
      instagramAppId: fake.config.instagramAppId,
      instagramAppSecret: fake.config.instagramAppSecret,
      facebookAppId: fake.config.facebookAppId,
      facebookAppSecret: fake.config.facebookAppSecret,
      webhookVerifyToken: 'verify-me',
      defaultLogin: options.login ?? 'instagram',
      instagramGraphUrl: fake.instagramHost.url,
      instagramApiUrl: fake.instagramHost.url,
      instagramAuthorizeUrl: fake.instagramHost.url,
      facebookGraphUrl: fake.facebookHost.url,
      facebookDialogUrl: fake.facebookHost.url,
      ruploadUrl: fake.ruploadHost.url,
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
    peer: new InstagramPeer(fake, other, account, fake.tokenFor(other)),
    media: {
      image,
      video: () => ({
        kind: 'video',
        mimeType: 'video/mp4',
        source: { kind: 'url', url: SAMPLE_VIDEO_URL },
        sizeBytes: 2_000_000,
        width: 1080,
        height: 1920,
        durationSeconds: 12,
      }),
    },
    // Every Instagram post has a photo or a video.
    basePost: () => ({ media: [image()] }),
    faults: { next: (fault) => fake.injectFault(toGraphFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    webhook: {
      async deliver() {
        // A comment on one of the account's media (the kit has published some by now; else a mention).
        const mine = [...fake.state.media.values()].find((item) => item.ownerId === account.id);
        if (mine) {
          fake.world.comment(other, mine.id, 'A comment that arrives by webhook');
        } else {
          fake.world.tag(other, account, '@chorus.test hello');
        }
        const delivery = await fake.flushWebhooks(options.login ?? 'instagram');
        if (!delivery) {
          throw new Error('the fake queued no webhook delivery');
        }
        return delivery;
      },
    },
    teardown: () => fake.close(),
  };
}

/** How Meta refuses at media_publish: throttles as code 4 with usage headers, content as 36003-range subcodes. */
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
          code: 36003,
          subcode: 2207009,
          message: 'The aspect ratio is not supported.',
          userMessage: 'The aspect ratio is not supported.',
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
