import type { TestAccount } from './test-accounts.js';
import { xrpc } from './test-accounts.js';
import type { BlueskyTestNetwork } from './test-network.js';

/** Writes a record as a test account, stamped now, and returns its id. */
export async function createdRecord(
  network: BlueskyTestNetwork,
  account: TestAccount,
  collection: string,
  record: Record<string, unknown>,
): Promise<{ uri: string; cid: string }> {
  return xrpc<{ uri: string; cid: string }>(network, 'com.atproto.repo.createRecord', {
    token: account.accessJwt,
    body: {
      repo: account.did,
      collection,
      record: { $type: collection, createdAt: new Date().toISOString(), ...record },
    },
  });
}

/** How many posts an account's repository holds (every post, reply and thread part). */
export async function countPosts(network: BlueskyTestNetwork, account: TestAccount): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await xrpc<{ records: unknown[]; cursor?: string }>(
      network,
      'com.atproto.repo.listRecords',
      {
        params: {
          repo: account.did,
          collection: 'app.bsky.feed.post',
          limit: '100',
          ...(cursor ? { cursor } : {}),
        },
      },
    );
    total += page.records.length;
    cursor = page.records.length > 0 ? page.cursor : undefined;
  } while (cursor);
  return total;
}
