import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { HttpClient } from './support/http-client.js';
import { signUpAndSignIn } from './support/sign-up.js';

// The OAuth callback belongs to the browser that started the connection: an httpOnly chorus_oauth nonce set at
// start must come back with the state. A browser lands on the console's channels page with the outcome.

let fake: MastodonFake;
let host: GatewayWithChannels;
let admin: { token: string };

const channelRows = () => host.sql<{ id: string }>(`SELECT id FROM gateway.channel`);
const pendingRows = () =>
  host.sql<{ state_hash: string }>(`SELECT state_hash FROM gateway.oauth_authorization`);

/** The cookie of one authorization: chorus_oauth_ and 16 characters of the state's SHA-256. */
const cookieNameOf = (callback: string) =>
  `chorus_oauth_${createHash('sha256')
    .update(new URLSearchParams(callback.split('?')[1]).get('state')!)
    .digest('base64url')
    .slice(0, 16)}`;

/** Starts connecting in `browser` and approves on the fake: the callback path the network sends it to. */
const startAndApprove = async (browser: HttpClient): Promise<string> => {
  const started = await browser.call('POST', '/api/channels/oauth/start', {
    token: admin.token,
    body: { network: 'mastodon', params: { instanceUrl: fake.url } },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const consent = await fetch(started.body.authorizeUrl as string, { redirect: 'manual' });
  const location = new URL(consent.headers.get('location')!);
  return `${location.pathname}${location.search}`;
};

beforeAll(async () => {
  fake = await MastodonFake.start();
  fake.createAccount('brand', 'The Brand');
  host = await startGatewayWithChannels([{ resolve: '@chorus/connector-mastodon', options: {} }]);
  const signUp = await signUpAndSignIn(new HttpClient(host.url), {
    body: {
      agencyName: 'Agency',
      workspaceName: 'Brand',
      name: 'Ada',
      email: `oauth-${Date.now()}@example.test`,
      password: 'correct horse battery',
    },
  });
  expect(signUp.status).toBe(201);
  admin = signUp.body;
}, 60_000);

afterAll(async () => {
  await host?.close();
  await fake?.close();
});

describe('OAuth callback bound to the starting browser', () => {
  it('sets an httpOnly, SameSite=Lax chorus_oauth cookie when the connection starts', async () => {
    const browser = new HttpClient(host.url);
    const started = await browser.call('POST', '/api/channels/oauth/start', {
      token: admin.token,
      body: { network: 'mastodon', params: { instanceUrl: fake.url } },
    });
    expect(started.headers.getSetCookie()).toEqual([
      expect.stringMatching(
        /^chorus_oauth_[\w-]{16}=[\w-]{43}; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/,
      ) as unknown,
    ]);
  });

  it("refuses a victim's browser sent to the attacker's callback, storing nothing and spending nothing", async () => {
    const attacker = new HttpClient(host.url);
    const callback = await startAndApprove(attacker);
    const before = { channels: await channelRows(), pending: await pendingRows() };

    const victim = new HttpClient(host.url); // no chorus_oauth cookie of this authorization
    const refused = await victim.call('GET', callback);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'oauth-state-refused' });
    expect(refused.body.message).toContain('this browser');
    const forgedCookie = new HttpClient(host.url);
    forgedCookie.cookies.set(cookieNameOf(callback), 'A'.repeat(43));
    expect((await forgedCookie.call('GET', callback)).status).toBe(400);
    expect(await channelRows()).toEqual(before.channels);
    expect(await pendingRows()).toEqual(before.pending);

    // The browser that started it still completes it.
    const connected = await attacker.call('GET', callback);
    expect(connected.status, JSON.stringify(connected.body)).toBe(200);
    expect(attacker.cookies.has(cookieNameOf(callback))).toBe(false);
  });

  it('keeps several connections of one browser apart', async () => {
    const browser = new HttpClient(host.url);
    const [first, second] = [await startAndApprove(browser), await startAndApprove(browser)];
    expect((await browser.call('GET', second)).status).toBe(200);
    expect((await browser.call('GET', first)).status).toBe(200);
  });

  it('sends a browser on to the console channels page with the outcome', async () => {
    const browser = new HttpClient(host.url);
    const callback = await startAndApprove(browser);
    const html = { accept: 'text/html,application/xhtml+xml' };
    const page = await fetch(`${host.url}${callback}`, {
      redirect: 'manual',
      headers: {
        ...html,
        cookie: `${cookieNameOf(callback)}=${browser.cookies.get(cookieNameOf(callback))}`,
      },
    });
    expect(page.status).toBe(303);
    const location = new URL(page.headers.get('location')!, host.url);
    expect(location.pathname).toBe('/channels');
    expect(location.searchParams.get('outcome')).toBe('connected');
    expect((await channelRows()).map((r) => r.id)).toContain(location.searchParams.get('channel'));

    const replay = await fetch(`${host.url}${callback}`, {
      redirect: 'manual',
      headers: {
        ...html,
        cookie: `${cookieNameOf(callback)}=${browser.cookies.get(cookieNameOf(callback))}`,
      },
    });
    expect(replay.status).toBe(303);
    expect(new URL(replay.headers.get('location')!, host.url).searchParams.get('outcome')).toBe(
      'state-refused',
    );
  });
});
