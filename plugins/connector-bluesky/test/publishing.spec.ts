import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyError,
  createConnectorContext,
  parseManifest,
  silentLogger,
  type Connector,
  type Credentials,
  type InvalidContentError,
} from '@chorus/connector-sdk';
import { blueskyConnector, blueskyManifest } from '../src/index.js';
import {
  FaultInjector,
  countPosts,
  createTestAccount,
  imageInput,
  samplePng,
  useBlueskyTestNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '../src/testing/index.js';
import { xrpc } from '../src/testing/network/test-accounts.js';
import type { PostView } from '../src/xrpc/lexicon.js';
import { recordKeyFor } from '../src/records/record-key.js';

// What the contract kit does not ask, against the same real local network: rich text as other clients see it,
// link cards, resuming a half-published thread, limits only the PDS can check, app-password-only login.
let network: BlueskyTestNetwork;
let injector: FaultInjector;
let page: Server;
let pageUrl: string;
let connector: Connector;
let account: TestAccount;
let peer: TestAccount;
let credentials: Credentials;
let sequence = 0;

const key = (label: string) => `${label}-${Date.now()}-${(sequence += 1)}`;

beforeAll(async () => {
  network = await useBlueskyTestNetwork();
  [account, peer] = await Promise.all([
    createTestAccount(network, 'brand'),
    createTestAccount(network, 'reader'),
  ]);
  injector = await FaultInjector.start({
    target: network.pdsUrl,
    accessTokenSecret: network.accessTokenSecret,
  });
  page = createServer((request, response) => {
    // The shared link redirects, as shortened and tracking links do; the card comes from where it lands.
    if (request.url === '/go') {
      response.writeHead(302, { location: '/menu' }).end();
      return;
    }
    if (request.url === '/card.png') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(samplePng(4, 2));
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        '<html><head><meta property="og:title" content="Spring menu"><meta property="og:description" content="Seven new dishes"><meta property="og:image" content="/card.png"></head></html>',
      );
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/go`;
  const parsed = parseManifest(blueskyManifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  connector = await blueskyConnector.create(
    createConnectorContext({
      manifest: parsed.manifest,
      config: { serviceUrl: injector.url, resolvePds: false, video: 'pds', allowPrivateLinkHosts: true },
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
  await injector?.close();
  page?.closeAllConnections();
  await new Promise((resolve) => page?.close(resolve));
  await network?.release();
});

async function viewed(uri: string): Promise<PostView> {
  await network.processAll();
  const { posts } = await xrpc<{ posts: PostView[] }>(network, 'app.bsky.feed.getPosts', {
    params: { uris: [uri] },
    token: peer.accessJwt,
  });
  expect(posts, `the reader should see ${uri}`).toHaveLength(1);
  return posts[0]!;
}

describe('publishing to the local Bluesky network', () => {
  it('sends mentions as DIDs and facets at byte offsets that cover their words; the mentioned user is notified', async () => {
    const text = `שלום 👋🏽 @${peer.handle} — read https://example.com/menu #חדשות`;
    const result = await connector.publish!(credentials, {
      idempotencyKey: key('rich'),
      fingerprint: 'f',
      post: { text },
    });
    const post = await viewed(result.remoteId);
    const bytes = Buffer.from(post.record.text!, 'utf8');
    const covered = (post.record.facets ?? []).map((facet) => [
      bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString('utf8'),
      facet.features[0],
    ]);
    expect(covered).toEqual([
      [`@${peer.handle}`, { $type: 'app.bsky.richtext.facet#mention', did: peer.did }],
      [
        'https://example.com/menu',
        { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/menu' },
      ],
      ['#חדשות', { $type: 'app.bsky.richtext.facet#tag', tag: 'חדשות' }],
    ]);
    const { notifications } = await xrpc<{ notifications: { reason: string; uri: string }[] }>(
      network,
      'app.bsky.notification.listNotifications',
      { token: peer.accessJwt },
    );
    expect(notifications).toContainEqual(
      expect.objectContaining({ reason: 'mention', uri: result.remoteId }),
    );
  });

  it("builds a link card from the page's OpenGraph tags, with its image uploaded as the thumbnail", async () => {
    const result = await connector.publish!(credentials, {
      idempotencyKey: key('card'),
      fingerprint: 'f',
      post: { text: 'New this week', link: { url: pageUrl } },
    });
    const post = await viewed(result.remoteId);
    expect(post.embed).toMatchObject({
      $type: 'app.bsky.embed.external#view',
      external: {
        uri: pageUrl,
        title: 'Spring menu',
        description: 'Seven new dishes',
        thumb: expect.stringMatching(/^https?:\/\//u) as unknown,
      },
    });
  });

  it('a retry after a thread failed half-way writes only the missing posts', async () => {
    const idempotencyKey = key('thread');
    const post = { text: 'Part 1 of 3', thread: [{ text: 'Part 2 of 3' }, { text: 'Part 3 of 3' }] };
    const before = await countPosts(network, account);
    injector.next({ kind: 'server-error' }, { after: 1 });
    const failed = await connector.publish!(credentials, { idempotencyKey, fingerprint: 'f', post }).catch(
      (error: unknown) => error,
    );
    expect(classifyError(failed, 'publish').kind).toBe('ambiguous');
    expect(await countPosts(network, account)).toBe(before + 1);
    const window = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() };
    const lookup = await connector.findPublished!(credentials, {
      idempotencyKey,
      fingerprint: 'f',
      post,
      window,
    });
    expect(lookup).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining('thread post 2') as unknown,
    });

    const retried = await connector.publish!(credentials, { idempotencyKey, fingerprint: 'f', post });
    expect(await countPosts(network, account)).toBe(before + 3);
    expect(retried.thread).toHaveLength(2);
    expect((await viewed(retried.thread![1]!.remoteId)).record.reply?.parent.uri).toBe(
      retried.thread![0]!.remoteId,
    );
    expect(
      await connector.findPublished!(credentials, { idempotencyKey, fingerprint: 'f', post, window }),
    ).toMatchObject({
      status: 'found',
      remoteId: retried.remoteId,
    });
  });

  it('an image over 1 MB that the composer could not measure is refused by the PDS, on that image', async () => {
    const big = samplePng(2, 1, 1_100_000);
    const { sizeBytes: _unmeasured, ...unmeasured } = imageInput(big);
    const error = await connector.publish!(credentials, {
      idempotencyKey: key('big'),
      fingerprint: 'f',
      post: { text: 'Too big', media: [imageInput(), unmeasured] },
    }).catch((caught: unknown) => caught);
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect((error as InvalidContentError).issues).toEqual([
      expect.objectContaining({ path: ['media', 1], code: 'media-too-large', limit: 1_000_000 }),
    ]);
  });

  it('a second publish whose UUIDv7 key collides on the record key is refused, never reported as the first post', async () => {
    // Two UUIDv7 keys of the same millisecond whose 10 hashed bits agree: found by trying random tails.
    const millis = Date.now().toString(16).padStart(12, '0');
    const uuidV7 = () => {
      const hex = [...crypto.getRandomValues(new Uint8Array(10))].map((b) => b.toString(16).padStart(2, '0'));
      const tail = hex.join('');
      return `${millis.slice(0, 8)}-${millis.slice(8)}-7${tail.slice(0, 3)}-a${tail.slice(3, 6)}-${tail.slice(6, 18)}`;
    };
    const first = uuidV7();
    let second = uuidV7();
    while (second === first || recordKeyFor(second) !== recordKeyFor(first)) {
      second = uuidV7();
    }
    const published = await connector.publish!(credentials, {
      idempotencyKey: first,
      fingerprint: 'first',
      post: { text: 'Planned in the same millisecond, first' },
    });
    const error = await connector.publish!(credentials, {
      idempotencyKey: second,
      fingerprint: 'second',
      post: { text: 'Planned in the same millisecond, second' },
    }).catch((caught: unknown) => caught);
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect((error as Error).message).toMatch(/already holds another record/u);
    expect((await viewed(published.remoteId)).record).toMatchObject({
      text: 'Planned in the same millisecond, first',
    });
    // The first publish retried is still the first post.
    const again = await connector.publish!(credentials, {
      idempotencyKey: first,
      fingerprint: 'first',
      post: { text: 'Planned in the same millisecond, first' },
    });
    expect(again.remoteId).toBe(published.remoteId);
  });

  it('a like given twice counts once', async () => {
    const published = await connector.publish!(credentials, {
      idempotencyKey: key('like'),
      fingerprint: 'f',
      post: { text: 'Like me once' },
    });
    await network.processAll();
    await connector.inbox!.like!(credentials, { remoteId: published.remoteId });
    await connector.inbox!.like!(credentials, { remoteId: published.remoteId });
    expect((await viewed(published.remoteId)).likeCount).toBe(1);
  });
});

describe('connecting a Bluesky account', () => {
  it("refuses the account's own password and asks for an app password", async () => {
    const error = await connector.auth
      .password!.login({ identifier: account.handle, password: account.password })
      .catch((caught: unknown) => caught);
    expect(classifyError(error, 'auth.login').kind).toBe('reauth-required');
    expect((error as Error).message).toMatch(/app password/u);
  });

  it('keeps the DID as the account id and says when the access token expires', () => {
    expect(credentials.accountId).toBe(account.did);
    const expiresIn = Date.parse(credentials.expiresAt!) - Date.now();
    expect(expiresIn).toBeGreaterThan(60 * 60 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(3 * 60 * 60 * 1000);
    expect(credentials.scopes).toEqual(['com.atproto.appPass']);
  });
});
