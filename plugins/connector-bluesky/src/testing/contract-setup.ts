import type { ContractSetup } from '@chorus/connector-testkit';
import { FaultInjector } from './faults/fault-injector.js';
import { BlueskyPeer } from './bluesky-peer.js';
import { countPosts } from './network/created-record.js';
import { useBlueskyTestNetwork } from './network/shared-network.js';
import { createTestAccount, type TestAccount } from './network/test-accounts.js';
import type { BlueskyTestNetwork } from './network/test-network.js';
import { imageInput, videoInput } from './sample-media.js';

export interface BlueskyContractSetup extends ContractSetup {
  readonly bluesky: BlueskyTestNetwork;
  readonly injector: FaultInjector;
  /** The account the connector connects. */
  readonly account: TestAccount;
  /** The other user the peer acts as. */
  readonly peerAccount: TestAccount;
}

/**
 * The contract kit's setup on the real local network: two fresh accounts, the connector talking to the PDS
 * through the fault injector, another user as the peer. Videos are stored by the PDS itself (the local network
 * has no video service) and link previews are off (the kit's links point at the internet).
 */
export async function createBlueskyContractSetup(): Promise<BlueskyContractSetup> {
  const bluesky = await useBlueskyTestNetwork();
  const [account, peerAccount] = await Promise.all([
    createTestAccount(bluesky, 'chorus'),
    createTestAccount(bluesky, 'peer'),
  ]);
  const injector = await FaultInjector.start({
    target: bluesky.pdsUrl,
    accessTokenSecret: bluesky.accessTokenSecret,
  });
  return {
    bluesky,
    injector,
    account,
    peerAccount,
    config: { serviceUrl: injector.url, resolvePds: false, video: 'pds', linkPreviews: false },
    // Long enough for a busy two-core machine, short enough for the timeout test.
    httpTimeoutMs: 4000,
    auth: {
      password: { identifier: account.handle, password: account.appPassword },
      expire: (credentials) => {
        injector.expire(credentials.accessToken);
        return Promise.resolve();
      },
    },
    peer: new BlueskyPeer(bluesky, peerAccount, account),
    media: { image: () => imageInput(), video: () => videoInput() },
    faults: { next: (fault) => injector.next(fault) },
    network: { publishedCount: () => countPosts(bluesky, account) },
    teardown: async () => {
      await injector.close();
      await bluesky.release();
    },
  };
}
