import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorHost } from '@chorus/connector-host';
import { silentLogger } from '@chorus/connector-sdk';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { startEmbedded, type EmbeddedHost } from '../src/embedded/start-embedded.js';

// `chorus start` with a connector: a channel connected through the gateway (OAuth with the Mastodon fake)
// reaches the community service's channel directory over the in-process bus, by the remote account id webhooks
// are routed by (docs/adr/0008), and leaves it when disconnected.

const repositoryRoot = resolve(import.meta.dirname, '../../..');
let fake: MastodonFake;
let connectors: ConnectorHost;
let host: EmbeddedHost;
let token: string;
let remoteId: string;

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
    cookies: response.headers.getSetCookie().map((line) => line.split(';')[0]!),
  };
};

const directory = () =>
  host.services
    .find((s) => s.name === 'community')!
    .serviceDb.asSystem((tx) =>
      tx.query<{ account_remote_id: string; connected: boolean }>(
        `SELECT account_remote_id, connected FROM community.inbox_channel`,
      ),
    );

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  fake = await MastodonFake.start();
  const brand = fake.createAccount('brand', 'The Brand');
  remoteId = `${brand.id}@${new URL(fake.url).host}`;
  connectors = await ConnectorHost.start({
    root: repositoryRoot,
    discover: false,
    conditions: ['@chorus/source', 'import', 'default'],
    logger: silentLogger,
    connectors: [{ resolve: '@chorus/connector-mastodon', options: {} }],
  });
  host = await startEmbedded({
    dataDir: null,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    logSink: () => undefined,
    connectors,
    allowPrivateNetworkTargets: true, // the Mastodon fake listens on loopback
  });
  const account = { email: `ada-${Date.now()}@example.test`, password: 'correct horse battery' };
  await fetch(`${host.url}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agencyName: 'Agency', workspaceName: 'Brand', name: 'Ada', ...account }),
  });
  // Sign-up answers 202 without a token (docs/adr/0017): sign in next.
  const signIn = await fetch(`${host.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  token = ((await signIn.json()) as { token: string }).token;
}, 120_000);

afterAll(async () => {
  await host?.close();
  await connectors?.close();
  await fake?.close();
});

describe('channel connections in the embedded host', () => {
  it('puts a connected channel in the community directory by its remote account id, and takes it out', async () => {
    const started = await call('POST', '/api/channels/oauth/start', {
      network: 'mastodon',
      params: { instanceUrl: fake.url },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const consent = await fetch(started.body.authorizeUrl as string, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location')!);
    // The callback must come back to the browser that started: it brings the chorus_oauth cookie.
    const connected = await fetch(`${host.url}${callback.pathname}${callback.search}`, {
      headers: { cookie: started.cookies.join('; ') },
    });
    expect(connected.status).toBe(200);
    const channelId = ((await connected.json()) as { id: string }).id;

    const rows = await eventually(directory, (r) => r.length === 1);
    expect(rows).toEqual([{ account_remote_id: remoteId, connected: true }]);

    expect((await call('DELETE', `/api/channels/${channelId}`)).status).toBe(204);
    const after = await eventually(directory, (r) => r[0]?.connected === false);
    expect(after).toEqual([{ account_remote_id: remoteId, connected: false }]);
  });
});
