import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import type { TikTokFakeFault } from './fake/fake-faults.js';
import { TIKTOK_RATE_LIMITS } from './fake/fake-rate-limits.js';
import type { UserRecord } from './fake/fake-state.js';
import { TikTokFake, type TikTokFakeOptions } from './fake/tiktok-fake.js';
import { TikTokPeer } from './tiktok-peer.js';

export const SAMPLE_PHOTO_URL = 'https://media.chorus.test/photo.jpg';
export const SAMPLE_VIDEO_URL = 'https://media.chorus.test/clip.mp4';

export interface TikTokContractSetup extends ContractSetup {
  readonly fake: TikTokFake;
  readonly account: UserRecord;
  readonly other: UserRecord;
  readonly config: Record<string, unknown>;
  readonly peer: TikTokPeer;
}

/** A photo TikTok pulls from the verified media host. */
export const samplePhoto = (url = SAMPLE_PHOTO_URL): MediaInput => ({
  kind: 'image',
  mimeType: 'image/jpeg',
  source: { kind: 'url', url },
  sizeBytes: 180_000,
  width: 1080,
  height: 1080,
});

/** A video TikTok pulls from the verified media host. */
export const sampleVideo = (url = SAMPLE_VIDEO_URL): MediaInput => ({
  kind: 'video',
  mimeType: 'video/mp4',
  source: { kind: 'url', url },
  sizeBytes: 2_000_000,
  width: 1080,
  height: 1920,
  durationSeconds: 12,
});

/** A video given as bytes, which the connector uploads in chunks (FILE_UPLOAD). */
export const videoBytes = (size: number, mimeType = 'video/mp4'): MediaInput => ({
  kind: 'video',
  mimeType,
  source: { kind: 'bytes', data: new Uint8Array(size).fill(9) },
  sizeBytes: size,
  width: 1080,
  height: 1920,
  durationSeconds: 15,
});

/** The fake TikTok with the connected creator (`chorusbrand`) and another user (`peeruser`). */
export async function createTikTokContractSetup(
  options: TikTokFakeOptions = {},
): Promise<TikTokContractSetup> {
  // The kit publishes dozens of posts in a minute: its fake lifts the 6-a-minute init limit and the daily cap,
  // which have tests of their own (test/rate-limits.spec.ts).
  const fake = await TikTokFake.start({
    processingPolls: 0,
    dailyPostCap: 10_000,
    rateLimits: { ...TIKTOK_RATE_LIMITS, 'post.init': 10_000 },
    ...options,
  });
  const account = fake.createUser('chorusbrand', { displayName: 'Chorus Brand' });
  const other = fake.createUser('peeruser', { displayName: 'Peer User' });
  fake.signIn(account);
  fake.host(SAMPLE_PHOTO_URL, { type: 'image/jpeg', sizeBytes: 180_000, width: 1080, height: 1080 });
  fake.host(SAMPLE_VIDEO_URL, {
    type: 'video/mp4',
    sizeBytes: 2_000_000,
    width: 1080,
    height: 1920,
    durationSeconds: 12,
  });
  return {
    fake,
    account,
    other,
    config: {
      clientKey: fake.config.clientKey,
      clientSecret: fake.config.clientSecret,
      apiUrl: fake.url,
      authorizeUrl: fake.url,
      verifiedUrlPrefixes: [...fake.config.verifiedUrlPrefixes],
      defaultPrivacyLevel: 'PUBLIC_TO_EVERYONE',
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
    peer: new TikTokPeer(fake, other, account),
    media: { image: () => samplePhoto(), video: () => sampleVideo() },
    // Every TikTok post is a video or photos: the kit's posts are photo posts unless they bring media.
    basePost: () => ({ media: [samplePhoto()] }),
    faults: { next: (fault) => fake.injectFault(toTikTokFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    teardown: () => fake.close(),
  };
}

function toTikTokFault(fault: ContractFault): TikTokFakeFault {
  switch (fault.kind) {
    case 'rate-limited':
      return { kind: 'rate-limited', retryAfterSeconds: fault.retryAfterSeconds };
    case 'invalid-content':
      return {
        kind: 'error',
        status: 400,
        code: 'spam_risk_text',
        message: 'The caption was flagged as spam.',
      };
    case 'server-error':
      return { kind: 'server-error' };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send' };
  }
}
