import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import { YOUTUBE_SCOPES } from '../config.js';
import type { YoutubeFakeFault } from './fake/youtube-fake-faults.js';
import { YoutubeFake, type YoutubeFakeOptions } from './fake/youtube-fake.js';
import type { ChannelRecord } from './fake/youtube-fake-state.js';
import { PEER_SCOPES, YoutubePeer } from './youtube-peer.js';

export interface YoutubeContractSetup extends ContractSetup {
  readonly fake: YoutubeFake;
  readonly account: ChannelRecord;
  readonly other: ChannelRecord;
  readonly config: Record<string, unknown>;
  readonly peer: YoutubePeer;
}

/** Bytes standing in for a video: the fake checks sizes, ranges and types, not frames. */
export function sampleVideo(size = 600 * 1024, overrides: Partial<MediaInput> = {}): MediaInput {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { kind: 'bytes', data: new Uint8Array(size).fill(7) },
    sizeBytes: size,
    width: 1920,
    height: 1080,
    durationSeconds: 42,
    ...overrides,
  };
}

/** The fake YouTube with the connected channel (`Chorus Brand`) and a viewer's channel (`Peer Viewer`). */
export async function createYoutubeContractSetup(
  options: YoutubeFakeOptions = {},
): Promise<YoutubeContractSetup> {
  // An audited project with an extended quota: the suite publishes dozens of videos (1,600 units each).
  const fake = await YoutubeFake.start({ ...options, quota: { dailyUnits: 1_000_000, ...options.quota } });
  const account = fake.createChannel('Chorus Brand', 41);
  const other = fake.createChannel('Peer Viewer', 3);
  fake.signIn(account);
  const peer = new YoutubePeer(
    fake,
    other,
    account,
    fake.tokenFor(other, [...PEER_SCOPES, ...YOUTUBE_SCOPES]),
  );
  return {
    fake,
    account,
    other,
    config: {
      clientId: fake.config.clientId,
      clientSecret: fake.config.clientSecret,
      projectAudited: fake.config.projectAudited,
      dailyQuotaUnits: fake.quota.config.dailyUnits,
      quotaModel: fake.quota.config.model,
      dailyUploadCalls: fake.quota.config.dailyUploadCalls,
      authUrl: fake.url,
      tokenUrl: fake.url,
      apiUrl: fake.url,
      analyticsUrl: fake.url,
      chunkBytes: 256 * 1024,
      processingPollSeconds: 0,
      processingTimeoutSeconds: 5,
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
    peer,
    media: { video: () => sampleVideo() },
    basePost: () => ({ media: [sampleVideo()], settings: { title: 'Chorus contract video' } }),
    faults: { next: (fault) => fake.injectFault(toYoutubeFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    teardown: () => fake.close(),
  };
}

/** The contract's faults as YouTube says them; the one that is applied hits the request that creates the video. */
function toYoutubeFault(fault: ContractFault): YoutubeFakeFault {
  switch (fault.kind) {
    case 'rate-limited':
      return { kind: 'rate-limited', retryAfterSeconds: fault.retryAfterSeconds };
    case 'invalid-content':
      return {
        kind: 'error',
        status: 400,
        reason: 'invalidTitle',
        message: 'The request metadata specifies an invalid video title.',
      };
    case 'server-error':
      return { kind: 'server-error' };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send', target: 'final-chunk' };
  }
}
