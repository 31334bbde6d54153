import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { PURPOSE_HEADER, SERVICE_NAME_HEADER, SERVICE_TOKEN_HEADER, TENANT_HEADER } from '../src/index.js';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { HttpClient } from './support/http-client.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Channel connections end to end against the Mastodon fake (real HTTP on loopback, OAuth with PKCE as
// Mastodon does it) and the real PostgreSQL: state and PKCE, replayed, wrong and expired states, the internal
// credentials API, a revoked token turning into reauth-required, reconnecting, disconnecting.

let fake: MastodonFake;
let host: GatewayWithChannels;
let client: HttpClient;
let admin: { token: string; agencyId: string; workspaceId: string; userId: string };
let channelId: string;
let accessToken: string;
let brandId: string;
const email = `ada-${Date.now()}@example.test`;

interface Envelope {
  type: string;
  tenantId: string;
  payload: { channelId: string; account: { remoteId: string }; reason?: unknown };
}

const outbox = async (): Promise<Envelope[]> =>
  (await host.sql<{ envelope: Envelope }>(`SELECT envelope FROM gateway.outbox ORDER BY id`)).map(
    (r) => r.envelope,
  );
const channelRows = () =>
  host.sql<{ id: string; state: string; credentials: unknown }>(`SELECT * FROM gateway.channel`);

const startOAuth = async () => {
  const started = await client.call('POST', '/api/channels/oauth/start', {
    token: admin.token,
    body: { network: 'mastodon', params: { instanceUrl: fake.url } },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return new URL(started.body.authorizeUrl as string);
};

/** The member approves on Mastodon: the fake answers the authorize URL with a redirect to our callback. */
const approve = async (authorizeUrl: URL): Promise<string> => {
  const answer = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location')!);
  return `${location.pathname}${location.search}`;
};

const internal = (
  path: string,
  options: { method?: string; token?: string; tenant?: string; headers?: Record<string, string> } = {},
) =>
  fetch(`${host.url}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.token === undefined ? {} : { [SERVICE_TOKEN_HEADER]: options.token }),
      [TENANT_HEADER]: options.tenant ?? admin.agencyId,
      [SERVICE_NAME_HEADER]: 'content',
      [PURPOSE_HEADER]: 'publish',
      ...options.headers,
    },
  });

beforeAll(async () => {
  fake = await MastodonFake.start();
  brandId = fake.createAccount('brand', 'The Brand').id;
  host = await startGatewayWithChannels([{ resolve: '@chorus/connector-mastodon', options: {} }]);
  client = new HttpClient(host.url);
  const signUp = await signUpAndSignIn(client, {
    body: {
      agencyName: 'Agency',
      workspaceName: 'Brand',
      name: 'Ada',
      email,
      password: 'correct horse battery',
    },
  });
  expect(signUp.status).toBe(201);
  admin = signUp.body as unknown as typeof admin;
}, 60_000);

afterAll(async () => {
  await host?.close();
  await fake?.close();
});

describe('connecting a Mastodon account through OAuth with state and PKCE', () => {
  it('returns the network authorize URL with a state and an S256 challenge, storing only their hashes', async () => {
    const url = await startOAuth();
    expect(url.origin).toBe(fake.url);
    expect(url.pathname).toBe('/oauth/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${host.url}/api/channels/oauth/callback`);
    const state = url.searchParams.get('state')!;
    const pending = await host.sql<{ state_hash: string; sealed: unknown }>(
      `SELECT state_hash, sealed FROM gateway.oauth_authorization`,
    );
    expect(pending.length).toBeGreaterThan(0);
    expect(JSON.stringify(pending)).not.toContain(state);
  });

  it('exchanges the code with the verifier, verifies the account and stores the channel connected', async () => {
    const callback = await approve(await startOAuth());
    const connected = await client.call('GET', callback);
    expect(connected.status, JSON.stringify(connected.body)).toBe(200);
    expect(connected.body).toMatchObject({
      network: 'mastodon',
      state: 'connected',
      workspaceId: admin.workspaceId,
      account: {
        remoteId: `${brandId}@${new URL(fake.url).host}`,
        handle: 'brand',
        displayName: 'The Brand',
      },
      tokenExpiresAt: null,
    });
    channelId = connected.body.id;

    const listed = await client.call('GET', '/api/channels', { token: admin.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: channelId, state: 'connected' })]);

    // The event carries the account the community service routes webhooks by, and never a token.
    const events = await outbox();
    const event = events.find((e) => e.type === 'ChannelConnected')!;
    expect(event.payload).toMatchObject({
      channelId,
      account: { remoteId: `${brandId}@${new URL(fake.url).host}` },
    });
    expect(event.tenantId).toBe(admin.agencyId);

    const credentials = await internal(`/internal/channels/${channelId}/credentials`, {
      token: host.internalToken,
    });
    expect(credentials.status).toBe(200);
    accessToken = ((await credentials.json()) as { credentials: { accessToken: string } }).credentials
      .accessToken;
    expect(accessToken.length).toBeGreaterThan(20);
    expect(JSON.stringify(events)).not.toContain(accessToken);
    expect(JSON.stringify(await channelRows())).not.toContain(accessToken);
    // The token works on the network.
    const me = await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
  });

  it('refuses a replayed state and stores nothing', async () => {
    const callback = await approve(await startOAuth());
    expect((await client.call('GET', callback)).status).toBe(200);
    const before = { rows: await channelRows(), events: (await outbox()).length };
    const replay = await client.call('GET', callback);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: 'oauth-state-refused' });
    expect(replay.body.message).toContain('already used');
    expect(await channelRows()).toEqual(before.rows);
    expect((await outbox()).length).toBe(before.events);
  });

  it('refuses a wrong state, a missing state and an expired state, storing nothing', async () => {
    const before = { rows: await channelRows(), events: (await outbox()).length };
    const callback = await approve(await startOAuth());
    const code = new URLSearchParams(callback.split('?')[1]).get('code')!;
    const wrong = await client.call('GET', `/api/channels/oauth/callback?state=forged&code=${code}`);
    expect(wrong.status).toBe(400);
    const missing = await client.call('GET', `/api/channels/oauth/callback?code=${code}`);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('state');

    await host.sql(`UPDATE gateway.oauth_authorization SET expires_at = now() - interval '1 second'`);
    const expired = await client.call('GET', callback);
    expect(expired.status).toBe(400);
    expect(expired.body.message).toContain('expired');
    expect(await channelRows()).toEqual(before.rows);
    expect((await outbox()).length).toBe(before.events);
  });

  it('answers bad input with the field at fault', async () => {
    const none = await client.call('POST', '/api/channels/oauth/start', { token: admin.token, body: {} });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('network');
    const unknown = await client.call('POST', '/api/channels/oauth/start', {
      token: admin.token,
      body: { network: 'myspace' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems).toEqual([expect.objectContaining({ field: 'network' })]);
    const badServer = await client.call('POST', '/api/channels/oauth/start', {
      token: admin.token,
      body: { network: 'mastodon', params: { instanceUrl: 'not a url' } },
    });
    expect(badServer.status).toBe(400);
    expect(badServer.body.problems).toEqual([expect.objectContaining({ field: 'params' })]);
  });
});

describe('the internal credentials API', () => {
  it('is closed to members: a user token or a session gets 401, whatever the role', async () => {
    const asUser = await fetch(`${host.url}/internal/channels/${channelId}/credentials`, {
      headers: { authorization: `Bearer ${admin.token}`, [TENANT_HEADER]: admin.agencyId },
    });
    expect(asUser.status).toBe(401);
    expect(await asUser.text()).not.toContain('accessToken');
    const wrongToken = await internal(`/internal/channels/${channelId}/credentials`, { token: 'guess' });
    expect(wrongToken.status).toBe(401);
    const cookie = new HttpClient(host.url);
    await cookie.call('POST', '/api/auth/session', {
      body: { email, password: 'correct horse battery' },
    });
    const viaSession = await fetch(`${host.url}/internal/channels/${channelId}/credentials`, {
      headers: {
        cookie: [...cookie.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        [TENANT_HEADER]: admin.agencyId,
      },
    });
    expect(viaSession.status).toBe(401);
    // Not reachable through the public proxy either: /api/<service>/ routes only to the services.
    const proxied = await client.call('GET', `/api/internal/channels/${channelId}/credentials`, {
      token: admin.token,
    });
    expect(proxied.status).toBe(404);
  });

  it("answers another agency's channel with 404 and a missing tenant with 400", async () => {
    const other = await internal(`/internal/channels/${channelId}/credentials`, {
      token: host.internalToken,
      tenant: '0190a1b2-0000-7000-8000-000000000099',
    });
    expect(other.status).toBe(404);
    const noTenant = await fetch(`${host.url}/internal/channels/${channelId}/credentials`, {
      headers: { [SERVICE_TOKEN_HEADER]: host.internalToken },
    });
    expect(noTenant.status).toBe(400);
    expect(await noTenant.text()).toContain(TENANT_HEADER);
  });
});

describe('a revoked token', () => {
  it('is confirmed with the network, turns the channel reauth-required and emits the event once', async () => {
    // A service's report while the token still works changes nothing.
    const early = await internal(`/internal/channels/${channelId}/reauth-required`, {
      method: 'POST',
      token: host.internalToken,
    });
    expect(await early.json()).toEqual({ outcome: 'still-valid' });

    // The token in force: connecting the same account again (the replay test did) replaced the first one.
    const current = await internal(`/internal/channels/${channelId}/credentials`, {
      token: host.internalToken,
    });
    accessToken = ((await current.json()) as { credentials: { accessToken: string } }).credentials
      .accessToken;
    fake.revokeToken(accessToken);
    const report = await internal(`/internal/channels/${channelId}/reauth-required`, {
      method: 'POST',
      token: host.internalToken,
    });
    expect(report.status).toBe(200);
    expect(await report.json()).toEqual({ outcome: 'confirmed' });
    const again = await internal(`/internal/channels/${channelId}/reauth-required`, {
      method: 'POST',
      token: host.internalToken,
    });
    expect(await again.json()).toEqual({ outcome: 'already-lapsed' });

    const listed = await client.call('GET', '/api/channels', { token: admin.token });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: channelId,
        state: 'reauth-required',
        stateReason: expect.any(String) as unknown,
      }),
    ]);
    const lapses = (await outbox()).filter((e) => e.type === 'ChannelReauthRequired');
    expect(lapses).toHaveLength(1);
    expect(lapses[0]!.payload).toMatchObject({ channelId, reason: { code: 'access-revoked' } });
    const credentials = await internal(`/internal/channels/${channelId}/credentials`, {
      token: host.internalToken,
    });
    expect(credentials.status).toBe(409);
  });

  it('is fixed by connecting the same account again: the same channel, connected, with a new token', async () => {
    const connected = await client.call('GET', await approve(await startOAuth()));
    expect(connected.body).toMatchObject({ id: channelId, state: 'connected', stateReason: null });
    const credentials = await internal(`/internal/channels/${channelId}/credentials`, {
      token: host.internalToken,
    });
    const fresh = ((await credentials.json()) as { credentials: { accessToken: string } }).credentials
      .accessToken;
    expect(fresh).not.toBe(accessToken);
    accessToken = fresh;
  });
});

describe('disconnecting', () => {
  it('deletes the sealed credentials, revokes the token on the network and emits ChannelDisconnected', async () => {
    const gone = await client.call('DELETE', `/api/channels/${channelId}`, { token: admin.token });
    expect(gone.status).toBe(204);
    const [row] = await host.sql<{ state: string; credentials: unknown }>(
      `SELECT state, credentials FROM gateway.channel WHERE id = $1`,
      [channelId],
    );
    expect(row).toEqual({ state: 'disconnected', credentials: null });
    const event = (await outbox()).find((e) => e.type === 'ChannelDisconnected')!;
    expect(event.payload).toMatchObject({ channelId, reason: 'disconnected-by-member' });
    const me = await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(401);
    expect((await client.call('DELETE', `/api/channels/${channelId}`, { token: admin.token })).status).toBe(
      204,
    );
    const unknown = await client.call('DELETE', '/api/channels/0190a1b2-0000-7000-8000-0000000000ff', {
      token: admin.token,
    });
    expect(unknown.status).toBe(404);
  });

  it('recorded who connected, reconnected and disconnected the channel in the audit log', async () => {
    const audit = await client.call('GET', '/api/audit-log?objectType=channel&limit=50', {
      token: admin.token,
    });
    expect(audit.status).toBe(200);
    const actions = (audit.body.items as unknown as { action: string; objectId: string }[])
      .filter((e) => e.objectId === channelId)
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'channel.connected',
        'channel.reconnected',
        'channel.reauth-required',
        'channel.disconnected',
      ]),
    );
  });

  it('never wrote a token to the logs', () => {
    expect(host.logs.length).toBeGreaterThan(0);
    expect(host.logs.join('\n')).not.toContain(accessToken);
  });
});
