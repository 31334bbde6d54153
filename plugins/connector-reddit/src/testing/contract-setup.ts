import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import type { RedditFakeFault } from './fake/fake-faults.js';
import { RedditFake, type RedditFakeOptions } from './fake/reddit-fake.js';
import type { UserRecord } from './fake/fake-state.js';
import { PEER_SCOPES, RedditPeer } from './reddit-peer.js';

export interface RedditContractSetup extends ContractSetup {
  readonly fake: RedditFake;
  readonly account: UserRecord;
  readonly other: UserRecord;
  /** The subreddit posts go to, which the account moderates. */
  readonly subreddit: string;
  readonly config: Record<string, unknown>;
  readonly peer: RedditPeer;
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
    ...(kind === 'image' ? {} : { durationSeconds: 12 }),
  };
}

/** The fake Reddit with the connected account (`chorusbrand`), another user (`peeruser`) and `r/chorus_test`. */
export async function createRedditContractSetup(
  options: RedditFakeOptions = {},
): Promise<RedditContractSetup> {
  // The suite makes more than Reddit's 100 requests a minute; the budget itself is tested on its own.
  const fake = await RedditFake.start({ queriesPerMinute: 10_000, ...options });
  const account = fake.createUser('chorusbrand');
  const other = fake.createUser('peeruser');
  const subreddit = 'chorus_test';
  fake.createSubreddit(subreddit);
  account.moderates.add(subreddit);
  fake.signIn(account);
  let posts = 0;
  return {
    fake,
    account,
    other,
    subreddit,
    config: {
      clientId: fake.settings.clientId,
      clientSecret: fake.settings.clientSecret,
      developerUsername: 'chorusdev',
      apiUrl: fake.url,
      authUrl: fake.url,
      processingPollSeconds: 0.05,
      mediaTimeoutSeconds: 5,
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
    // Every Reddit post has a title and a subreddit; each post gets its own title.
    basePost: () => ({
      settings: {
        subreddit,
        title: `Contract post ${(posts += 1)}`,
        videoPosterUrl: `${fake.url}/static/poster.png`,
      },
    }),
    peer: new RedditPeer(fake, other, account, fake.tokenFor(other, PEER_SCOPES), subreddit),
    media: {
      image: () => sampleMedia('image', 'image/png'),
      video: () => sampleMedia('video', 'video/mp4', 5000),
      gif: () => sampleMedia('gif', 'image/gif', 3000),
    },
    faults: { next: (fault) => fake.injectFault(toRedditFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    teardown: () => fake.close(),
  };
}

function toRedditFault(fault: ContractFault): RedditFakeFault {
  switch (fault.kind) {
    case 'rate-limited':
      return { kind: 'rate-limited', retryAfterSeconds: fault.retryAfterSeconds };
    case 'invalid-content':
      return {
        kind: 'form-errors',
        errors: [['SUBREDDIT_NOTALLOWED', "you aren't allowed to post there.", 'sr']],
      };
    case 'server-error':
      return { kind: 'server-error' };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send' };
  }
}
