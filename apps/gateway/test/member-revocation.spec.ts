import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_SETTINGS } from '../src/index.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { mailedToken } from './support/machine-mailbox.js';
import { SseClient } from './support/sse-client.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Taking a member out of a workspace ends their access at once: their browser session, sign-in and named API
// tokens stop working there, and their live notification stream closes within one access check.

const PASSWORD = 'correct horse battery';
const ACCESS_CHECK_MS = 200;
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

describe('revoking a member (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let api: HttpClient;
  let admin: { token: string; workspaceId: string };

  /** A member of the admin's workspace with a sign-in token, a named API token and a browser session. */
  const join = async () => {
    const email = `member-${unique()}@example.test`;
    const invited = await api.call('POST', '/api/members', {
      token: admin.token,
      body: { email, name: 'Mel', roles: ['strategist'] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const accepted = await api.call('POST', '/api/auth/password-reset/complete', {
      body: { token: await mailedToken(g.gateway, email), password: PASSWORD },
    });
    expect(accepted.status).toBe(204);
    const signIn = await api.call('POST', '/api/auth/sign-in', { body: { email, password: PASSWORD } });
    const named = await api.call('POST', '/api/auth/api-tokens', {
      token: signIn.body.token,
      body: { name: 'automation', scopes: ['strategist'] },
    });
    expect(named.status).toBe(201);
    const browser = new HttpClient(g.url);
    expect(
      (await browser.call('POST', '/api/auth/session', { body: { email, password: PASSWORD } })).status,
    ).toBe(201);
    return {
      id: invited.body.memberId as string,
      token: signIn.body.token,
      named: named.body.token,
      browser,
    };
  };

  beforeAll(async () => {
    g = await startGatewayOnPostgres({
      providers: [{ provide: NOTIFICATION_SETTINGS, useValue: { streamAccessCheckMs: ACCESS_CHECK_MS } }],
    });
    api = new HttpClient(g.url);
    const signUp = await signUpAndSignIn(api, {
      body: {
        agencyName: 'Agency',
        workspaceName: 'Brand',
        name: 'Ada',
        email: `admin-${unique()}@example.test`,
        password: PASSWORD,
      },
    });
    admin = signUp.body as unknown as typeof admin;
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it('stops every credential of a removed member in that workspace, and closes their live stream', async () => {
    const m = await join();
    const workspace = { 'x-chorus-workspace': admin.workspaceId };
    expect((await api.call('GET', '/api/echo/goals', { token: m.token, headers: workspace })).status).toBe(
      200,
    );
    expect((await api.call('GET', '/api/echo/goals', { token: m.named, headers: workspace })).status).toBe(
      200,
    );
    expect((await m.browser.call('GET', '/api/echo/goals', { headers: workspace })).status).toBe(200);
    const stream = await SseClient.open(`${g.url}/api/notifications/stream`, {
      authorization: `Bearer ${m.token}`,
    });
    expect(stream.status).toBe(200);
    await stream.next((e) => e.event === 'unread', 5_000);

    const removed = await api.call('DELETE', `/api/members/${m.id}`, { token: admin.token });
    expect(removed.status).toBe(204);

    for (const answer of [
      await api.call('GET', '/api/echo/goals', { token: m.token, headers: workspace }),
      await api.call('GET', '/api/echo/goals', { token: m.named, headers: workspace }),
      await m.browser.call('GET', '/api/echo/goals', { headers: workspace }),
      await api.call('GET', '/api/members', { token: m.token, headers: workspace }),
    ]) {
      expect(answer.status).toBe(403);
    }
    const ended = await stream.next((e) => e.event === 'access-ended', 10 * ACCESS_CHECK_MS);
    expect(JSON.parse(ended.data)).toEqual({ reason: 'no-workspace' });
    await expect.poll(() => stream.ended, { timeout: 2_000 }).toBe(true);
    stream.close();
  });

  it('closes a live stream whose browser session was signed out', async () => {
    const m = await join();
    const cookie = [...m.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const stream = await SseClient.open(`${g.url}/api/notifications/stream`, { cookie });
    expect(stream.status).toBe(200);
    await stream.next((e) => e.event === 'unread', 5_000);
    const out = await m.browser.call('POST', '/api/auth/sign-out', {
      headers: { 'x-csrf-token': m.browser.cookies.get('chorus_csrf')! },
    });
    expect(out.status).toBe(204);
    const ended = await stream.next((e) => e.event === 'access-ended', 10 * ACCESS_CHECK_MS);
    expect(JSON.parse(ended.data)).toEqual({ reason: 'signed-out' });
    stream.close();
  });
});
