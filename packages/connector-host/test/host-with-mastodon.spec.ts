import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthState, createPkcePair, silentLogger, type Credentials } from '@chorus/connector-sdk';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { ConnectorHost } from '../src/index.js';

// The repository root: workspace packages are installed (linked) in its node_modules.
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const development = ['@chorus/source', 'import', 'default'];

let fake: MastodonFake;
let host: ConnectorHost;
let credentials: Credentials;

beforeAll(async () => {
  fake = await MastodonFake.start();
  fake.createAccount('brand');
  host = await ConnectorHost.start({
    root: repositoryRoot,
    discover: false,
    conditions: development,
    logger: silentLogger,
    rateLimitMaxWaitMs: 0,
    connectors: [{ resolve: '@chorus/connector-mastodon', options: { mediaPollIntervalMs: 5 } }],
  });
  const mastodon = host.connector('mastodon');
  const pkce = createPkcePair();
  const state = createOAuthState();
  const redirectUri = 'https://chorus.test/callback';
  const start = await mastodon.auth.oauth2!.start({
    redirectUri,
    state,
    codeChallenge: pkce.challenge,
    params: { instanceUrl: fake.url },
  });
  const consent = await fetch(start.url, { redirect: 'manual' });
  const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
  credentials = await mastodon.auth.oauth2!.exchange({
    code,
    redirectUri,
    codeVerifier: pkce.verifier,
    pending: start.pending,
  });
});

afterAll(async () => {
  await host.close();
  await fake.close();
});

describe('the host running the Mastodon connector', () => {
  it('finds the workspace package by name and loads it', () => {
    expect(host.refused).toEqual([]);
    expect(host.loaded[0]).toMatchObject({ id: 'mastodon', packageName: '@chorus/connector-mastodon' });
  });

  it('publishes through the host', async () => {
    const result = await host.connector('mastodon').publish!(credentials, {
      idempotencyKey: 'k1',
      fingerprint: 'f1',
      post: { text: 'Through the host' },
    });
    expect(fake.published().map((status) => status.id)).toContain(result.remoteId);
  });

  it("holds further publishing after Mastodon's 429 until its reset, without calling Mastodon", async () => {
    const mastodon = host.connector('mastodon');
    fake.injectFault({
      kind: 'rate-limited',
      retryAfterSeconds: 90,
      match: { method: 'POST', path: '/api/v1/statuses' },
    });
    const first = await mastodon.publish!(credentials, {
      idempotencyKey: 'k2',
      fingerprint: 'f2',
      post: { text: 'Throttled' },
    }).catch((error: unknown) => error);
    expect(first).toMatchObject({ kind: 'rate-limited' });
    expect((first as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(88);
    const statusPosts = () =>
      fake.requests().filter((request) => request.method === 'POST' && request.path === '/api/v1/statuses')
        .length;
    const before = statusPosts();
    const second = await mastodon.publish!(credentials, {
      idempotencyKey: 'k3',
      fingerprint: 'f3',
      post: { text: 'Held' },
    }).catch((error: unknown) => error);
    expect(second).toMatchObject({ kind: 'rate-limited' });
    expect(statusPosts()).toBe(before);
  });
});

describe('discovery in the repository', () => {
  it('discovers the Mastodon connector among the installed packages', async () => {
    const discovered = await ConnectorHost.start({
      root: repositoryRoot,
      conditions: development,
      logger: silentLogger,
    });
    try {
      expect(discovered.has('mastodon')).toBe(true);
    } finally {
      await discovered.close();
    }
  });
});
