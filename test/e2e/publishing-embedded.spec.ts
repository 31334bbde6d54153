import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorHost } from '@chorus/connector-host';
import { silentLogger } from '@chorus/connector-sdk';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { startEmbedded, type EmbeddedHost } from '@chorus/host';
import { Api, eventually } from './support/api.js';

// Publishing end to end in the embedded host: a member connects a Mastodon account through the gateway
// (OAuth on the fake), schedules a post; the content service's publisher takes the channel's credentials from
// the gateway's internal API and publishes through the connector host; a refused post reaches the members
// responsible as a notification.

const repositoryRoot = resolve(import.meta.dirname, '../..');
const STATUSES = { method: 'POST', path: '/api/v1/statuses' } as const;

let fake: MastodonFake;
let connectors: ConnectorHost;
let host: EmbeddedHost;
let member: Api;
let channelId: string;

interface Target {
  targetId: string;
  state: string;
  url: string | null;
  reason: { code: string | null; message: string; action: string | null } | null;
}

async function schedule(text: string): Promise<string> {
  const created = await member.call<{ id: string }>('POST', '/api/content/posts', {
    body: { text, contentType: 'text', targets: [{ channelId }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const scheduled = await member.call('POST', `/api/content/posts/${created.body.id}/schedule`, {
    body: { publishAt: new Date(Date.now() + 1_000).toISOString(), timeZone: 'Europe/Rome' },
  });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
  return created.body.id;
}

async function settled(postId: string): Promise<Target> {
  let last: unknown;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const answer = await member.call<{ targets: Target[] }>(
      'GET',
      `/api/content/posts/${postId}/publication`,
    );
    last = answer.body;
    const [target] = answer.body.targets;
    if (target && ['published', 'failed', 'needs-review'].includes(target.state)) {
      return target;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the post was not settled in 30 s: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  fake = await MastodonFake.start();
  fake.createAccount('brand', 'The Brand');
  connectors = await ConnectorHost.start({
    root: repositoryRoot,
    discover: false,
    conditions: ['@chorus/source', 'import', 'default'],
    logger: silentLogger,
    callTimeoutMs: { publish: 5_000 },
    connectors: [{ resolve: '@chorus/connector-mastodon', options: {} }],
  });
  expect(connectors.refused).toEqual([]);
  host = await startEmbedded({
    dataDir: null,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'error',
    logSink: () => undefined,
    connectors,
    // The fake network listens on loopback (CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS).
    allowPrivateNetworkTargets: true,
  });
  const admin = await new Api(host.url).signUp();
  member = new Api(host.url).as(admin.token, admin.workspaceId);

  const started = await member.call<{ authorizeUrl: string }>('POST', '/api/channels/oauth/start', {
    body: { network: 'mastodon', params: { instanceUrl: fake.url } },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const consent = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
  const location = new URL(consent.headers.get('location')!);
  // The callback comes back in the browser that started it, with the cookie the start set.
  const cookie = started.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const connected = await new Api(host.url).call<{ id: string }>(
    'GET',
    `${location.pathname}${location.search}`,
    {
      headers: { cookie },
    },
  );
  expect(connected.status, JSON.stringify(connected.body)).toBe(200);
  channelId = connected.body.id;
  await eventually(
    async () => {
      const channels = await member.call<{ items: { channelId: string }[] }>('GET', '/api/content/channels');
      return channels.body.items.some((c) => c.channelId === channelId) ? true : undefined;
    },
    10_000,
    'the content service to learn the channel',
  );
}, 120_000);

afterAll(async () => {
  await host?.close();
  await connectors?.close();
  await fake?.close();
});

describe('publishing, embedded host + gateway credentials + Mastodon fake', () => {
  it('publishes a scheduled post once, with the credentials from the gateway, and shows its URL', async () => {
    const text = `Embedded and published ${Date.now()}`;
    const postId = await schedule(text);
    const target = await settled(postId);
    expect(target).toMatchObject({ state: 'published' });
    expect(target.url).toMatch(/\/@brand\/\d+$/u);
    expect(fake.published().filter((s) => s.text === text)).toHaveLength(1);
  }, 60_000);

  it('a refused post fails with what to do, and the members responsible are notified within 60 s', async () => {
    fake.injectFault({ kind: 'invalid-content', message: 'Text contains a forbidden word', match: STATUSES });
    const postId = await schedule(`Refused in embedded ${Date.now()}`);
    const failedAt = Date.now();
    const target = await settled(postId);
    expect(target).toMatchObject({ state: 'failed', reason: { code: 'rejected-by-network' } });
    const notification = await eventually(
      async () => {
        const list = await member.call<{
          items: { kind: string; title: string; body: string; link: string }[];
        }>('GET', '/api/notifications');
        return list.body.items.find((n) => n.kind === 'post-failed' && n.link === `/content/posts/${postId}`);
      },
      60_000,
      'the post-failed notification',
    );
    expect(Date.now() - failedAt).toBeLessThan(60_000);
    expect(notification.title).toMatch(/mastodon/iu);
    expect(notification.body).toMatch(/forbidden word/u);
  }, 90_000);
});
