import type { ContractSetup } from '@chorus/connector-testkit';
import { __Network__Fake } from './__network__-fake.js';

/** The fake, one account to connect, and another user who looks at what was published. */
export async function create__Network__ContractSetup(): Promise<ContractSetup & { fake: __Network__Fake }> {
  const fake = await __Network__Fake.start();
  fake.createAccount('brand', 'app-password-1');
  return {
    fake,
    config: { baseUrl: fake.url },
    httpTimeoutMs: 1000,
    auth: {
      password: { identifier: 'brand', password: 'app-password-1' },
      expire: async (credentials) => fake.revoke(credentials.accessToken),
    },
    peer: {
      async view(remoteId) {
        const response = await fetch(`${fake.url}/v1/posts/${remoteId}`);
        if (response.status === 404) return null;
        const post = (await response.json()) as { text: string };
        return { text: post.text, media: [], inReplyTo: null };
      },
    },
    faults: { next: (fault) => fake.injectFault(fault) },
    network: { publishedCount: async () => fake.publishedCount() },
    teardown: () => fake.close(),
  };
}
