import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createConnectorContext,
  parseManifest,
  silentLogger,
  type Connector,
  type Credentials,
} from '@chorus/connector-sdk';
import { blueskyConnector, blueskyManifest } from '../src/index.js';
import {
  VideoServiceDouble,
  createTestAccount,
  sampleMp4,
  useBlueskyTestNetwork,
  videoInput,
  type BlueskyTestNetwork,
  type TestAccount,
} from '../src/testing/index.js';
import { xrpc } from '../src/testing/network/test-accounts.js';
import type { PostView } from '../src/xrpc/lexicon.js';

// Video the way bsky.social accounts post it: through a video service that writes the result into the PDS with
// a service token. The local network has none, so a double stands in for it; the PDS and its token checks are real.
let network: BlueskyTestNetwork;
let service: VideoServiceDouble;
let connector: Connector;
let account: TestAccount;
let credentials: Credentials;

beforeAll(async () => {
  network = await useBlueskyTestNetwork();
  account = await createTestAccount(network, 'video');
  service = await VideoServiceDouble.start({ plcUrl: network.plcUrl });
  const parsed = parseManifest(blueskyManifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  connector = await blueskyConnector.create(
    createConnectorContext({
      manifest: parsed.manifest,
      config: {
        serviceUrl: network.pdsUrl,
        video: { serviceUrl: service.url, serviceDid: service.did },
        mediaPollIntervalMs: 50,
      },
      timeoutMs: 10_000,
      logger: silentLogger,
    }),
  );
  credentials = await connector.auth.password!.login({
    identifier: account.handle,
    password: account.appPassword,
  });
}, 120_000);

afterAll(async () => {
  await service?.close();
  await network?.release();
});

async function embedOf(uri: string) {
  await network.processAll();
  const { posts } = await xrpc<{ posts: PostView[] }>(network, 'app.bsky.feed.getPosts', {
    params: { uris: [uri] },
    token: account.accessJwt,
  });
  return posts[0]?.embed;
}

it('posts a video processed by the video service, the same upload reused when it is sent again', async () => {
  const bytes = sampleMp4();
  const publish = (label: string) =>
    connector.publish!(credentials, {
      idempotencyKey: `${label}-${Date.now()}`,
      fingerprint: label,
      post: { text: label, media: [{ ...videoInput(bytes), altText: 'A short clip' }] },
    });
  const first = await publish('first video');
  expect(await embedOf(first.remoteId)).toMatchObject({
    $type: 'app.bsky.embed.video#view',
    alt: 'A short clip',
  });
  const second = await publish('same video again');
  expect(await embedOf(second.remoteId)).toMatchObject({ $type: 'app.bsky.embed.video#view' });
  expect(service.jobCount).toBe(1);
});
