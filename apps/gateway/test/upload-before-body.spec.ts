import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { mailedToken } from './support/machine-mailbox.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Issue #8, HTTP edge (ADR 0029): the gateway's upload pass-through checks who is asking and the declared
// size before it reads a byte of a file body. A client announces 100 MiB and sends only the first 64 KiB: the
// answer must come without the rest (the old order, guard after body, waited for all of it).

const MIB = 1024 * 1024;
const FIRST_BYTES = Buffer.alloc(64 * 1024, 7);

interface EarlyAnswer {
  readonly status: number;
  readonly connection: string | undefined;
  readonly body: { message?: string };
}

/**
 * Sends the headers and the first bytes of a `declared`-byte body (null: chunked, no Content-Length), never the
 * rest; the answer, if it comes. A header given as null is left out.
 */
function announceUpload(
  base: string,
  headers: Record<string, string | null>,
  declared: number | null,
  path = '/api/content/media',
): Promise<EarlyAnswer> {
  const url = new URL(path, base);
  const all: Record<string, string | null> = {
    'content-type': 'image/png',
    ...(declared === null ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(declared) }),
    ...headers,
  };
  const sent = Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null),
  );
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: sent });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer before the body was sent: the gateway is reading it'));
    }, 5_000);
    req.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          body: (text === '' ? {} : JSON.parse(text)) as EarlyAnswer['body'],
        });
      });
    });
    // The gateway may close the connection while we still write: that is the point, not a failure.
    req.on('error', (error) => {
      if (!req.destroyed) {
        clearTimeout(timer);
        reject(error);
      }
    });
    req.write(FIRST_BYTES);
  });
}

describe('the upload pass-through checks before it reads (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let admin: { token: string };
  let adminEmail: string;
  let analystToken: string;

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    const api = new HttpClient(g.url);
    adminEmail = `upload-${Date.now()}@example.test`;
    const signUp = await signUpAndSignIn(api, {
      body: {
        agencyName: 'Agency',
        workspaceName: 'Brand',
        name: 'Ada',
        email: adminEmail,
        password: 'correct horse battery',
      },
    });
    expect(signUp.status).toBe(201);
    admin = { token: signUp.body.token };
    // An analyst (no media:write), invited and signed in as a person would be.
    const email = `analyst-${Date.now()}@example.test`;
    const invited = await api.call('POST', '/api/members', {
      token: admin.token,
      body: { email, name: 'Ann', roles: ['analyst'] },
    });
    expect(invited.status).toBe(201);
    const chosen = 'analyst passphrase 1';
    const accepted = await api.call('POST', '/api/auth/password-reset/complete', {
      body: { token: await mailedToken(g.gateway, email), password: chosen },
    });
    expect(accepted.status).toBe(204);
    const signIn = await api.call('POST', '/api/auth/sign-in', { body: { email, password: chosen } });
    expect(signIn.status).toBe(200);
    analystToken = signIn.body.token;
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it('refuses an unauthenticated 100 MiB upload without reading it, and closes the connection', async () => {
    const answer = await announceUpload(g.url, {}, 100 * MIB);
    expect(answer.status).toBe(401);
    expect(answer.body.message).toContain('Sign in first');
    expect(answer.connection).toBe('close');
  });

  it('refuses a token that is not a member before reading', async () => {
    const answer = await announceUpload(g.url, { authorization: 'Bearer chorus_not_a_token' }, 100 * MIB);
    expect(answer.status).toBe(401);
  });

  it('refuses a member whose roles do not grant media:write before reading', async () => {
    const answer = await announceUpload(g.url, { authorization: `Bearer ${analystToken}` }, 50 * MIB);
    expect(answer.status).toBe(403);
    expect(answer.body.message).toContain('media:write');
  });

  it('refuses a declared size over the limit before reading, even for a member who may upload', async () => {
    const answer = await announceUpload(g.url, { authorization: `Bearer ${admin.token}` }, 101 * MIB);
    expect(answer.status).toBe(413);
    expect(answer.body.message).toContain(String(100 * MIB));
  });

  it('refuses a file body on any other route before reading', async () => {
    const answer = await announceUpload(
      g.url,
      { authorization: `Bearer ${admin.token}` },
      100 * MIB,
      '/api/auth/sign-in',
    );
    expect(answer.status).toBe(415);
  });

  // Every early refusal must close the connection: on a kept-alive one Node drains the unread body, which is
  // reading 100 MiB after all. These bodies are not file types the upload parser takes, or have no length.
  it('refuses an unauthenticated chunked upload (no Content-Length) before reading, and closes', async () => {
    const answer = await announceUpload(g.url, {}, null);
    expect(answer.status).toBe(401);
    expect(answer.connection).toBe('close');
  });

  it('refuses an upload path variation (trailing slash, query) unauthenticated before reading', async () => {
    const answer = await announceUpload(g.url, {}, 100 * MIB, '/api/content/media/?x=1');
    expect(answer.status).toBe(401);
    expect(answer.connection).toBe('close');
  });

  it('closes the connection when a body of a type nobody parses is refused (415), not draining it', async () => {
    const answer = await announceUpload(g.url, { 'content-type': 'audio/mpeg' }, 100 * MIB);
    expect(answer.status).toBe(415);
    expect(answer.connection).toBe('close');
  });

  it('closes the connection when a body without Content-Type is refused, not draining it', async () => {
    const answer = await announceUpload(g.url, { 'content-type': null }, 100 * MIB);
    expect(answer.status).toBe(415);
    expect(answer.connection).toBe('close');
  });

  it('closes the connection when a large body goes to an unknown route, not draining it', async () => {
    const answer = await announceUpload(g.url, { 'content-type': 'audio/mpeg' }, 100 * MIB, '/api/nowhere');
    expect(answer.connection).toBe('close');
  });

  it('takes the console session cookie (with its CSRF token) as the caller, before reading', async () => {
    const browser = new HttpClient(g.url);
    const session = await browser.call('POST', '/api/auth/session', {
      body: { email: adminEmail, password: 'correct horse battery' },
    });
    expect(session.status).toBe(201);
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = browser.cookies.get('chorus_csrf')!;
    // Signed in by the cookie: the refusal is about the size, not the caller.
    const tooBig = await announceUpload(g.url, { cookie, 'x-csrf-token': csrf }, 101 * MIB);
    expect(tooBig.status).toBe(413);
    // Without the CSRF token the cookie does not count: refused (the session's own problem), unread.
    const noCsrf = await announceUpload(g.url, { cookie }, 50 * MIB);
    expect(noCsrf.status).toBe(403);
    expect(JSON.stringify(noCsrf.body)).toContain('csrf');
    expect(noCsrf.connection).toBe('close');
  });

  it('leaves alone a request that names a file type but carries no body', async () => {
    const api = new HttpClient(g.url);
    const me = await api.call('GET', '/api/me', {
      token: admin.token,
      headers: { 'content-type': 'image/png' },
    });
    expect(me.status).toBe(200);
  });
});
