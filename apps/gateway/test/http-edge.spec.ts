import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../src/interface/http/security-headers.middleware.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { HttpClient } from './support/http-client.js';
import { signUpAndSignIn } from './support/sign-up.js';

// The gateway's HTTP edge: security headers on every answer (success, error, proxied), no CORS, a body limit.

describe('gateway HTTP edge (PostgreSQL)', () => {
  let g: GatewayOnPostgres;

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it.each([
    ['GET', '/health/live', 200],
    ['GET', '/api/me', 401],
    ['POST', '/api/auth/sign-in', 403],
    ['GET', '/api/echo/anything', 401],
    ['GET', '/api/nowhere/at-all', 401],
  ])('sends the security headers on %s %s (%i)', async (method, path, status) => {
    const response = await fetch(`${g.url}${path}`, {
      method,
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(response.headers.get(name), name).toBe(value);
    }
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here
    if (path.startsWith('/api/')) {
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses a body over 1 MiB with 413 before it reaches a handler', async () => {
    const response = await fetch(`${g.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(response.status).toBe(413);
  });

  it('answers a CORS preflight from another origin without allowing it', async () => {
    const response = await fetch(`${g.url}/api/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('gateway HTTP edge: malformed input answers 4xx, never 500', () => {
  let g: GatewayOnPostgres;
  let token: string;

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    const signUp = await signUpAndSignIn(new HttpClient(g.url), {
      body: {
        agencyName: 'Agency',
        workspaceName: 'Brand',
        name: 'Ada',
        email: `edge-${Date.now()}@example.test`,
        password: 'correct horse battery',
      },
    });
    token = signUp.body.token;
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  const get = (path: string, headers: Record<string, string>) => fetch(`${g.url}${path}`, { headers });

  it('treats a session cookie that is not valid percent-encoding as no cookie (401, not 500)', async () => {
    const response = await get('/api/me', { cookie: 'chorus_session=%E0%A4%A' });
    expect(response.status).toBe(401);
    const other = await get('/api/me', { cookie: 'theme=%zz; chorus_session=chorus_s_%' });
    expect(other.status).toBe(401);
  });

  it.each(['constructor', '__proto__', 'hasOwnProperty', 'toString'])(
    'answers /api/%s/x with 404 naming the services, not a 500 from Object.prototype',
    async (name) => {
      const response = await get(`/api/${name}/x`, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { message: string }).message).toContain('services: echo');
    },
  );

  it('answers malformed bearer tokens and CSRF headers with 401/403', async () => {
    for (const authorization of [
      'Bearer',
      'Bearer \u00e9\u00e9',
      'Basic abc',
      `Bearer ${'x'.repeat(5000)}`,
    ]) {
      expect((await get('/api/me', { authorization })).status, authorization).toBe(401);
    }
    const session = await fetch(`${g.url}/api/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'x' }),
    });
    expect(session.status).toBe(401);
    const write = await fetch(`${g.url}/api/auth/api-tokens`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'chorus_session=chorus_s_forged',
        'x-csrf-token': '\u00ff'.repeat(43),
      },
      body: '{}',
    });
    expect(write.status).toBe(401);
    expect(((await write.json()) as { error: string }).error).toBe('session-expired');
    for (const workspace of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "'; DROP TABLE x; --"]) {
      const response = await get('/api/echo/x', {
        authorization: `Bearer ${token}`,
        'x-chorus-workspace': workspace,
      });
      expect(response.status, workspace).toBe(403);
    }
  });
});

describe('gateway HTTP edge: public POSTs take JSON from this origin only (login CSRF)', () => {
  let g: GatewayOnPostgres;

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${g.url}${path}`, { method: 'POST', headers, body });
  const form = 'email=victim%40example.test&password=attacker-password';

  it.each(['/api/auth/session', '/api/auth/sign-in', '/api/auth/sign-up', '/api/auth/password-reset'])(
    'refuses a form-encoded or text body on %s with 415 json-required',
    async (path) => {
      // The two bodies an HTML form can send without a CORS preflight.
      for (const type of ['application/x-www-form-urlencoded', 'text/plain;charset=UTF-8']) {
        const response = await post(path, form, { 'content-type': type });
        expect(response.status, type).toBe(415);
        expect(await response.json()).toMatchObject({
          error: 'json-required',
          message: expect.stringContaining('application/json') as unknown,
        });
      }
      // multipart has no parser at all: Fastify refuses it before any route runs.
      const multipart = await post(path, form, { 'content-type': 'multipart/form-data; boundary=x' });
      expect(multipart.status).toBe(415);
    },
  );

  it('refuses another origin and a cross-site fetch with 403 cross-origin-refused', async () => {
    const json = JSON.stringify({ email: 'victim@example.test', password: 'attacker-password' });
    const fromEvil = await post('/api/auth/session', json, {
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    expect(fromEvil.status).toBe(403);
    expect(await fromEvil.json()).toMatchObject({
      error: 'cross-origin-refused',
      message: expect.stringContaining('https://evil.example') as unknown,
    });
    const crossSite = await post('/api/auth/password-reset/complete', json, {
      'content-type': 'application/json',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const nullOrigin = await post('/api/auth/sign-up', json, {
      'content-type': 'application/json',
      origin: 'null',
    });
    expect(nullOrigin.status).toBe(403);
  });

  it('accepts JSON from its own origin, and from clients that send no Origin (scripts)', async () => {
    const json = JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' });
    const sameOrigin = await post('/api/auth/session', json, {
      'content-type': 'application/json; charset=utf-8',
      origin: g.url,
      'sec-fetch-site': 'same-origin',
    });
    expect(sameOrigin.status).toBe(401); // reached the password check
    const script = await post('/api/auth/sign-in', json, { 'content-type': 'application/json' });
    expect(script.status).toBe(401);
  });
});

describe('gateway HTTP edge behind an HTTPS reverse proxy (CHORUS_PUBLIC_URL https, CHORUS_TRUST_PROXY)', () => {
  let g: GatewayOnPostgres;
  const PUBLIC = 'https://chorus.example.com';

  beforeAll(async () => {
    g = await startGatewayOnPostgres({ publicUrl: PUBLIC, trustProxy: ['loopback'] });
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  const throttleKeys = () =>
    g.gateway.serviceDb.asSystem((tx) =>
      tx.query<{ key: string }>(
        `SELECT key FROM gateway.auth_throttle WHERE key LIKE 'sign-in:ip:%' ORDER BY key`,
      ),
    );

  it('sends Strict-Transport-Security and names the cookies __Host-, Secure, Path=/, without Domain', async () => {
    const email = `proxy-${Date.now()}@example.test`;
    const json = { 'content-type': 'application/json', origin: PUBLIC };
    const signUp = await fetch(`${g.url}/api/auth/sign-up`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        agencyName: 'A',
        workspaceName: 'B',
        name: 'C',
        email,
        password: 'correct horse battery',
      }),
    });
    expect(signUp.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const session = await fetch(`${g.url}/api/auth/session`, {
      method: 'POST',
      headers: { ...json, 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    });
    expect(session.status).toBe(201);
    const [sessionCookie, csrfCookie] = session.headers.getSetCookie();
    expect(sessionCookie).toMatch(
      /^__Host-chorus_session=chorus_s_[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict; Secure$/,
    );
    expect(csrfCookie).toMatch(/^__Host-chorus_csrf=[\w-]+; Path=\/; Max-Age=\d+; SameSite=Strict; Secure$/);
    expect(`${sessionCookie}${csrfCookie}`).not.toMatch(/Domain=/i);

    // Only the __Host- name is read: a plain chorus_session planted by a sibling site signs nobody in.
    const value = /=([^;]+)/.exec(sessionCookie!)![1]!;
    expect(
      (await fetch(`${g.url}/api/me`, { headers: { cookie: `__Host-chorus_session=${value}` } })).status,
    ).toBe(200);
    expect((await fetch(`${g.url}/api/me`, { headers: { cookie: `chorus_session=${value}` } })).status).toBe(
      401,
    );
  });

  it('counts failed sign-ins per client address from X-Forwarded-For when the proxy is trusted', async () => {
    for (const client of ['203.0.113.1', '203.0.113.2']) {
      const response = await fetch(`${g.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.9, ${client}` },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
      });
      expect(response.status).toBe(401);
    }
    const keys = (await throttleKeys()).map((r) => r.key);
    expect(keys).toContain('sign-in:ip:203.0.113.1');
    expect(keys).toContain('sign-in:ip:203.0.113.2');
    expect(keys).not.toContain('sign-in:ip:127.0.0.1');
  });
});

describe('gateway HTTP edge without a trusted proxy', () => {
  let g: GatewayOnPostgres;

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it('ignores X-Forwarded-For and -Proto: the peer is the client, the cookies stay plain', async () => {
    const response = await fetch(`${g.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-proto': 'https',
      },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
    });
    expect(response.status).toBe(401);
    const keys = await g.gateway.serviceDb.asSystem((tx) =>
      tx.query<{ key: string }>(`SELECT key FROM gateway.auth_throttle WHERE key LIKE 'sign-in:ip:%'`),
    );
    expect(keys.map((r) => r.key)).toEqual(['sign-in:ip:127.0.0.1']);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
