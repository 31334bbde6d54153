import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import type { PinterestFakeFault } from './fake/pinterest-fake-faults.js';
import { PinterestFake, type PinterestFakeOptions } from './fake/pinterest-fake.js';
import type { BoardRecord, UserRecord } from './fake/pinterest-fake-state.js';
import { PEER_SCOPES, PinterestPeer } from './pinterest-peer.js';

export interface PinterestContractSetup extends ContractSetup {
  readonly fake: PinterestFake;
  readonly account: UserRecord;
  readonly other: UserRecord;
  /** The account's boards: the kit pins to the first. */
  readonly boards: readonly BoardRecord[];
  readonly config: Record<string, unknown>;
  readonly peer: PinterestPeer;
}

/** A few bytes standing in for a file: the fake checks types, encodings and sizes, not pixels. */
export function sampleMedia(kind: MediaInput['kind'], mimeType: string, size = 2048): MediaInput {
  return {
    kind,
    mimeType,
    source: { kind: 'bytes', data: new Uint8Array(size).fill(7) },
    sizeBytes: size,
    width: 1000,
    height: 1500,
    ...(kind === 'video' ? { durationSeconds: 12 } : {}),
  };
}

/** The fake Pinterest with the connected business account (`chorusbrand`, two boards) and another user. */
export async function createPinterestContractSetup(
  options: PinterestFakeOptions = {},
): Promise<PinterestContractSetup> {
  const fake = await PinterestFake.start({ processingPolls: 1, ...options });
  const account = fake.createUser('chorusbrand');
  const other = fake.createUser('peeruser', 'PINNER');
  const boards = [fake.state.createBoard(account, 'Launches'), fake.state.createBoard(account, 'Recipes')];
  fake.signIn(account);
  const peer = new PinterestPeer(fake, other, account, fake.tokenFor(other, PEER_SCOPES));
  return {
    fake,
    account,
    other,
    boards,
    config: {
      clientId: fake.config.clientId,
      clientSecret: fake.config.clientSecret,
      apiUrl: fake.url,
      authorizeUrl: fake.url,
      mediaPollMs: 0,
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
    media: {
      image: () => sampleMedia('image', 'image/png'),
      video: () => sampleMedia('video', 'video/mp4', 5000),
    },
    // Every pin needs media and a board, and a video pin a cover: the kit's posts start from an image on the
    // first board, with the cover frame a video post would use.
    basePost: () => ({
      media: [sampleMedia('image', 'image/jpeg')],
      settings: { boardId: boards[0]!.id, coverKeyFrameSeconds: 1 },
    }),
    faults: { next: (fault) => fake.injectFault(toPinterestFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    teardown: () => fake.close(),
  };
}

function toPinterestFault(fault: ContractFault): PinterestFakeFault {
  switch (fault.kind) {
    case 'rate-limited':
      return { kind: 'rate-limited', retryAfterSeconds: fault.retryAfterSeconds };
    case 'invalid-content':
      return { kind: 'error', status: 400, message: 'Invalid parameters: link is not a valid URL.' };
    case 'server-error':
      return { kind: 'server-error' };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send' };
  }
}
