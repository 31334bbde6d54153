import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, parseIdentityPrivateKey, signIdentity, type Role } from '@chorus/access';
import { routeAccessReport } from '@chorus/service-kit';
import { startEmbedded, type EmbeddedHost } from '../src/embedded/start-embedded.js';

const PASSWORD = 'correct horse battery';

/** The fields these tests read from response bodies. */
interface Body {
  token: string;
  message: string;
  problems: unknown[];
  id: string;
  items: { id: string }[];
  [field: string]: unknown;
}

async function call(
  host: EmbeddedHost,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Body; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) {
    headers.authorization = `Bearer ${options.token}`;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text === '' ? {} : JSON.parse(text)) as Body,
    headers: response.headers,
  };
}

async function signUp(host: EmbeddedHost, email: string) {
  const response = await call(host, 'POST', '/api/auth/sign-up', {
    body: { agencyName: 'Agency', workspaceName: 'Brand', name: 'Admin', email, password: PASSWORD },
  });
  // No ids and no token: the answer must not tell a taken e-mail from a new one (docs/adr/0017). Sign in next.
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  const signIn = await call(host, 'POST', '/api/auth/sign-in', { body: { email, password: PASSWORD } });
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  const token = signIn.body.token;
  const me = (await call(host, 'GET', '/api/me', { token })).body as unknown as {
    agency: { id: string };
    workspaces: { id: string }[];
  };
  return {
    token,
    agencyId: me.agency.id,
    workspaceId: me.workspaces[0]!.id,
    userId: signIn.body.userId as string,
  };
}

const goalBody = {
  title: 'More reach',
  metric: 'reach',
  baseline: { unit: 'count', value: 100 },
  target: { unit: 'count', value: 1000 },
  deadline: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
};

describe('chorus start (embedded host)', () => {
  const lines: string[] = [];
  let dataDir: string;
  let host: EmbeddedHost;
  let a: Awaited<ReturnType<typeof signUp>>;
  let b: Awaited<ReturnType<typeof signUp>>;
  const emailA = `a-${Date.now()}@example.test`;

  /** Calls a service directly, bypassing the gateway, with the identity header we choose. */
  const direct = (
    service: string,
    method: 'GET' | 'POST',
    url: string,
    identity?: string,
    payload?: unknown,
  ) =>
    host.services
      .find((s) => s.name === service)!
      .app.getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: identity === undefined ? {} : { [IDENTITY_HEADER]: identity },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

  const identityFor = async (roles: Role[], audience = 'strategy', now?: Date) => {
    const key = parseIdentityPrivateKey(await readFile(join(dataDir, 'identity-ed25519.pem'), 'utf8'));
    return signIdentity(
      { tenantId: a.agencyId, workspaceId: a.workspaceId, userId: a.userId, roles },
      { audience, privateKey: key, ...(now === undefined ? {} : { now }) },
    );
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chorus-embedded-'));
    const consoleDir = join(dataDir, 'console-build');
    await mkdir(consoleDir);
    await writeFile(join(consoleDir, 'index.html'), '<!doctype html><title>Chorus console</title>');
    host = await startEmbedded({
      consoleDir,
      dataDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'info',
      logSink: (l) => lines.push(l),
    });
    a = await signUp(host, emailA);
    b = await signUp(host, `b-${Date.now()}@example.test`);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers liveness and readiness', async () => {
    expect((await call(host, 'GET', '/health/live')).status).toBe(200);
    const ready = await call(host, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', checks: { database: 'up', bus: 'up' } });
  });

  it('turns a service not ready (503) while it shuts down', async () => {
    const analytics = host.services.find((svc) => svc.name === 'analytics')!;
    analytics.state.shuttingDown = true;
    try {
      const response = await direct('analytics', 'GET', '/health/ready');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'not-ready',
        checks: { shutdown: 'down', database: 'up' },
      });
    } finally {
      analytics.state.shuttingDown = false;
    }
  });

  it('serves the console build at /', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Chorus console');
    // The static files carry the edge's security headers too.
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('declares an access rule on every route of every app', () => {
    const routes = [host.gateway, ...host.services].flatMap((s) =>
      routeAccessReport(s.app).map((r) => ({ ...r, service: s.name })),
    );
    expect(routes.length).toBeGreaterThan(12);
    expect(routes.filter((r) => r.declaration === undefined).map((r) => `${r.service} ${r.route}`)).toEqual(
      [],
    );
    expect(routes.find((r) => r.service === 'strategy' && r.route === 'POST /goals')?.declaration).toEqual({
      kind: 'permission',
      permission: 'goal:write',
    });
  });

  it('refuses /api without a valid bearer token (401)', async () => {
    expect((await call(host, 'GET', '/api/strategy/goals')).status).toBe(401);
    expect((await call(host, 'GET', '/api/strategy/goals', { token: 'chorus_forged' })).status).toBe(401);
    expect((await call(host, 'GET', '/api/me')).status).toBe(401);
  });

  it('signs in with the password, never with a wrong one, and refuses a second account on one e-mail', async () => {
    const ok = await call(host, 'POST', '/api/auth/sign-in', {
      body: { email: emailA.toUpperCase(), password: PASSWORD },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^chorus_/);
    const wrong = await call(host, 'POST', '/api/auth/sign-in', {
      body: { email: emailA, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    const again = await call(host, 'POST', '/api/auth/sign-up', {
      body: { agencyName: 'X', workspaceName: 'Y', name: 'Z', email: emailA, password: PASSWORD },
    });
    expect(again.status).toBe(202); // the same answer as a new address; the owner is mailed instead
  });

  it('revokes the token on sign-out', async () => {
    const signIn = await call(host, 'POST', '/api/auth/sign-in', {
      body: { email: emailA, password: PASSWORD },
    });
    const token = signIn.body.token;
    expect((await call(host, 'GET', '/api/me', { token })).status).toBe(200);
    expect((await call(host, 'POST', '/api/auth/sign-out', { token })).status).toBe(204);
    expect((await call(host, 'GET', '/api/me', { token })).status).toBe(401);
  });

  it('tells the member who they are and where they may act', async () => {
    const me = await call(host, 'GET', '/api/me', { token: a.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      userId: a.userId,
      agency: { id: a.agencyId },
      workspaces: [{ id: a.workspaceId, roles: ['admin'] }],
    });
  });

  it('refuses a workspace the member does not belong to (403)', async () => {
    const response = await call(host, 'GET', '/api/strategy/goals', {
      token: a.token,
      headers: { 'x-chorus-workspace': b.workspaceId },
    });
    expect(response.status).toBe(403);
  });

  it('names the offending field in a 400', async () => {
    const response = await call(host, 'POST', '/api/strategy/goals', {
      token: a.token,
      body: { ...goalBody, metric: 'Not A Slug' },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('metric');
    const units = await call(host, 'POST', '/api/strategy/goals', {
      token: a.token,
      body: { ...goalBody, target: { unit: 'percent', value: 5 } },
    });
    expect(units.status).toBe(400);
    const [problem] = units.body.problems as { field: string; problem: string }[];
    expect(units.body.problems).toHaveLength(1);
    expect(problem?.field).toBe('target');
    expect(problem?.problem).toContain('same unit');
  });

  it("hides another agency's goal (404) and lists only the caller's", async () => {
    const created = await call(host, 'POST', '/api/strategy/goals', { token: a.token, body: goalBody });
    expect(created.status).toBe(201);
    const goalId = created.body.id;
    expect((await call(host, 'GET', `/api/strategy/goals/${goalId}`, { token: a.token })).status).toBe(200);
    expect((await call(host, 'GET', `/api/strategy/goals/${goalId}`, { token: b.token })).status).toBe(404);
    const listB = await call(host, 'GET', '/api/strategy/goals', { token: b.token });
    expect(listB.body.items).toEqual([]);
  });

  it.each([
    ['content', '/campaigns', { name: 'Spring launch', description: null }],
    ['community', '/saved-replies', { title: 'Thanks', body: 'Thank you for writing to us!' }],
    [
      'ads',
      '/ad-accounts',
      { network: 'meta', externalId: 'act_123', name: 'Main account', currency: 'EUR' },
    ],
  ])('creates and lists in %s%s, once per workspace', async (service, path, body) => {
    const created = await call(host, 'POST', `/api/${service}${path}`, { token: a.token, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call(host, 'POST', `/api/${service}${path}`, { token: a.token, body })).status).toBe(409);
    const listed = await call(host, 'GET', `/api/${service}${path}`, { token: a.token });
    expect(listed.body.items.map((item) => item.id)).toEqual([created.body.id]);
    const other = await call(host, 'GET', `/api/${service}${path}`, { token: b.token });
    expect(other.body.items).toEqual([]);
  });

  it('makes a service refuse a request without a valid signed identity (401)', async () => {
    expect((await direct('strategy', 'GET', '/goals')).statusCode).toBe(401);
    expect((await direct('strategy', 'GET', '/goals', await identityFor(['admin'], 'ads'))).statusCode).toBe(
      401,
    );
    const expired = await identityFor(['admin'], 'strategy', new Date(Date.now() - 120_000));
    expect((await direct('strategy', 'GET', '/goals', expired)).statusCode).toBe(401);
    expect((await direct('strategy', 'GET', '/goals', await identityFor(['admin']))).statusCode).toBe(200);
    expect((await direct('strategy', 'GET', '/health/live')).statusCode).toBe(200);
  });

  it('checks the permission of the route against the roles (403)', async () => {
    const designer = await identityFor(['designer']);
    expect((await direct('strategy', 'GET', '/goals', designer)).statusCode).toBe(200);
    expect((await direct('strategy', 'POST', '/goals', designer, goalBody)).statusCode).toBe(403);
    const strategist = await identityFor(['strategist']);
    expect((await direct('strategy', 'POST', '/goals', strategist, goalBody)).statusCode).toBe(201);
    const approver = await identityFor(['client-approver'], 'ads');
    expect((await direct('ads', 'GET', '/ad-accounts', approver)).statusCode).toBe(403);
  });

  it('echoes a UUID correlation id, or makes one', async () => {
    const id = '0190a1b2-0000-7000-8000-0000000000aa';
    const given = await call(host, 'GET', '/health/live', { headers: { 'x-correlation-id': id } });
    expect(given.headers.get('x-correlation-id')).toBe(id);
    const replaced = await call(host, 'GET', '/health/live', {
      headers: { 'x-correlation-id': 'not-a-uuid' },
    });
    expect(replaced.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const made = await call(host, 'GET', '/health/live');
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes JSON log lines without passwords or tokens', () => {
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(
      records.every(
        (r) => typeof r.level === 'string' && typeof r.time === 'string' && typeof r.service === 'string',
      ),
    ).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(a.token);
  });

  it('keeps data, accounts and the identity key across a restart', async () => {
    const before = await call(host, 'GET', '/api/strategy/goals', { token: a.token });
    await host.close();
    host = await startEmbedded({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn' });
    const after = await call(host, 'GET', '/api/strategy/goals', { token: a.token });
    expect(after.status).toBe(200);
    expect(after.body.items.map((g) => g.id)).toEqual(before.body.items.map((g) => g.id));
    expect((await direct('strategy', 'GET', '/goals', await identityFor(['admin']))).statusCode).toBe(200);
  }, 60_000);
});
