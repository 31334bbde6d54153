import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TotpSecret } from '../src/domain/totp.value-object.js';
import { UNIFORM_ANSWER_MS } from '../src/domain/uniform-answer-time.value-object.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { signUpAndSignIn } from './support/sign-up.js';
import { latestMailTo } from './support/machine-mailbox.js';

// The gateway's accounts on the real PostgreSQL: argon2id, browser sessions with CSRF, TOTP, password reset,
// scoped API tokens, and a throttle that answers an unknown e-mail exactly like a known one.

const PASSWORD = 'correct horse battery';
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

describe('gateway accounts (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let api: HttpClient;

  const signUp = async (email = `admin-${unique()}@example.test`) => {
    const answer = await signUpAndSignIn(api, {
      body: { agencyName: 'Agency', workspaceName: 'Brand', name: 'Ada', email, password: PASSWORD },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return {
      ...(answer.body as unknown as { token: string; userId: string; agencyId: string; workspaceId: string }),
      email,
    };
  };
  const passwordHashOf = async (userId: string) => {
    const rows = await g.gateway.serviceDb.asSystem((tx) =>
      tx.query<{ password_hash: string }>('SELECT password_hash FROM gateway.member WHERE id = $1', [userId]),
    );
    return rows[0]!.password_hash;
  };

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    api = new HttpClient(g.url);
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it('stores the password as argon2id and signs in with it', async () => {
    const a = await signUp();
    expect(await passwordHashOf(a.userId)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const ok = await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^chorus_/);
  });

  it('upgrades a scrypt hash of the first slice to argon2id at the next sign-in', async () => {
    const a = await signUp();
    const legacy =
      'scrypt$16384$8$1$' +
      'AAAAAAAAAAAAAAAAAAAAAA$' +
      (await import('node:crypto'))
        .scryptSync(PASSWORD, Buffer.alloc(16), 64, { N: 16384, r: 8, p: 1 })
        .toString('base64url');
    await g.gateway.serviceDb.asSystem((tx) =>
      tx.query('UPDATE gateway.member SET password_hash = $2 WHERE id = $1', [a.userId, legacy]),
    );
    expect(
      (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } })).status,
    ).toBe(200);
    expect(await passwordHashOf(a.userId)).toMatch(/^\$argon2id\$/);
  });

  it('locks an e-mail after five wrong passwords, and answers an unknown e-mail the same way', async () => {
    const a = await signUp();
    const ghost = `ghost-${unique()}@example.test`;
    const attempt = (email: string, password: string) =>
      api.call('POST', '/api/auth/sign-in', {
        body: { email, password },
        headers: { 'x-forwarded-for': 'ignored' },
      });
    for (let i = 0; i < 5; i++) {
      const known = await attempt(a.email, 'wrong password');
      const unknown = await attempt(ghost, 'wrong password');
      expect([known.status, unknown.status]).toEqual([401, 401]);
      expect(known.body).toEqual(unknown.body);
    }
    const lockedKnown = await attempt(a.email, PASSWORD); // even the right password waits
    const lockedUnknown = await attempt(ghost, PASSWORD);
    expect([lockedKnown.status, lockedUnknown.status]).toEqual([429, 429]);
    expect(lockedKnown.body.error).toBe('too-many-attempts');
    expect({ ...lockedKnown.body, message: '', retryAfter: 0 }).toEqual({
      ...lockedUnknown.body,
      message: '',
      retryAfter: 0,
    });
    expect(Number(lockedKnown.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  describe('browser sessions', () => {
    let browser: HttpClient;
    let admin: Awaited<ReturnType<typeof signUp>>;

    beforeAll(async () => {
      browser = new HttpClient(g.url);
      admin = await signUp();
    });

    it('sets an httpOnly, SameSite=Strict session cookie and a readable CSRF cookie', async () => {
      const answer = await browser.call('POST', '/api/auth/session', {
        body: { email: admin.email, password: PASSWORD },
      });
      expect(answer.status).toBe(201);
      const [session, csrf] = answer.headers.getSetCookie();
      expect(session).toMatch(
        /^chorus_session=chorus_s_[\w-]+; Path=\/; Max-Age=43\d\d\d; HttpOnly; SameSite=Strict$/,
      );
      expect(csrf).toMatch(/^chorus_csrf=[\w-]+; Path=\/; Max-Age=43\d\d\d; SameSite=Strict$/);
      expect(csrf).toContain(answer.body.csrfToken);
      expect(answer.body).not.toHaveProperty('token');
    });

    it('reads with the cookie alone and writes only with the CSRF token', async () => {
      expect((await browser.call('GET', '/api/me')).status).toBe(200);
      expect((await browser.call('GET', '/api/echo/anything')).body.roles).toEqual(['admin']);
      const forged = await browser.call('POST', '/api/auth/api-tokens', {
        body: { name: 'from evil.example' },
      });
      expect(forged.status).toBe(403);
      expect(forged.body).toMatchObject({ error: 'csrf-token-invalid', signIn: '/api/auth/session' });
      const wrong = await browser.call('POST', '/api/auth/api-tokens', {
        body: { name: 'x' },
        headers: { 'x-csrf-token': 'A'.repeat(43) },
      });
      expect(wrong.status).toBe(403);
      const csrf = browser.cookies.get('chorus_csrf')!;
      const ok = await browser.call('POST', '/api/auth/api-tokens', {
        body: { name: 'made in the console' },
        headers: { 'x-csrf-token': csrf },
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    });

    it('signs out: the cookie is cleared and the old session answers session-expired', async () => {
      const stolen = browser.cookies.get('chorus_session')!;
      const csrf = browser.cookies.get('chorus_csrf')!;
      const out = await browser.call('POST', '/api/auth/sign-out', { headers: { 'x-csrf-token': csrf } });
      expect(out.status).toBe(204);
      expect(browser.cookies.has('chorus_session')).toBe(false);
      const replay = new HttpClient(g.url);
      replay.cookies.set('chorus_session', stolen);
      const after = await replay.call('GET', '/api/me');
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ error: 'session-expired', signIn: '/api/auth/session' });
      expect(after.headers.getSetCookie().join()).toContain('chorus_session=; Path=/; Max-Age=0');
    });

    it('answers an expired session with session-expired, and still lets the browser sign in again', async () => {
      const again = await browser.call('POST', '/api/auth/session', {
        body: { email: admin.email, password: PASSWORD },
      });
      expect(again.status).toBe(201);
      await g.gateway.serviceDb.asSystem((tx) =>
        tx.query(
          `UPDATE gateway.api_token SET expires_at = now() - interval '1 second' WHERE kind = 'session' AND member_id = $1`,
          [admin.userId],
        ),
      );
      const expired = await browser.call('GET', '/api/echo/goals');
      expect(expired.status).toBe(401);
      expect(expired.body.error).toBe('session-expired');
      browser.cookies.set('chorus_session', 'chorus_s_stale');
      const signIn = await browser.call('POST', '/api/auth/session', {
        body: { email: admin.email, password: PASSWORD },
      });
      expect(signIn.status).toBe(201);
      expect((await browser.call('GET', '/api/me')).status).toBe(200);
    });

    it('does not accept a session cookie in place of a bearer API token for the CSRF check', async () => {
      // A bearer token is not sent by browsers on their own, so it needs no CSRF token.
      const created = await api.call('POST', '/api/auth/api-tokens', {
        token: admin.token,
        body: { name: 'ci' },
      });
      expect(created.status).toBe(201);
    });
  });

  describe('two-factor sign-in (TOTP)', () => {
    it('is off until confirmed, then needs a fresh code at every sign-in', async () => {
      const a = await signUp();
      const setUp = await api.call('POST', '/api/auth/two-factor/set-up', {
        token: a.token,
        body: { password: PASSWORD },
      });
      expect(setUp.status).toBe(201);
      expect(setUp.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Chorus%3A.*secret=[A-Z2-7]+/);
      const secret = TotpSecret.fromBase32(setUp.body.secret);
      // Not confirmed yet: a password alone still signs in.
      expect(
        (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } }))
          .status,
      ).toBe(200);

      const badCode = await api.call('POST', '/api/auth/two-factor/confirm', {
        token: a.token,
        body: { code: '000000' },
      });
      expect(badCode.status).toBe(400);
      expect(badCode.body.problems).toEqual([
        { field: 'code', problem: expect.stringContaining('does not match') as unknown },
      ]);
      const notDigits = await api.call('POST', '/api/auth/two-factor/confirm', {
        token: a.token,
        body: { code: '12ab' },
      });
      expect(notDigits.status).toBe(400);
      expect(notDigits.body.problems[0]?.field).toBe('code');
      const now = new Date();
      expect(
        (
          await api.call('POST', '/api/auth/two-factor/confirm', {
            token: a.token,
            body: { code: secret.codeAt(now) },
          })
        ).status,
      ).toBe(204);

      const noCode = await api.call('POST', '/api/auth/sign-in', {
        body: { email: a.email, password: PASSWORD },
      });
      expect(noCode.status).toBe(401);
      expect(noCode.body.error).toBe('second-factor-required');
      const next = secret.codeAt(new Date(now.getTime() + 30_000));
      const withCode = await api.call('POST', '/api/auth/sign-in', {
        body: { email: a.email, password: PASSWORD, totpCode: next },
      });
      expect(withCode.status).toBe(200);
      const replay = await api.call('POST', '/api/auth/sign-in', {
        body: { email: a.email, password: PASSWORD, totpCode: next },
      });
      expect(replay.status).toBe(401);
      expect(replay.body.message).toContain('already used');
      // The wrong password with a good-looking code is just a wrong password.
      const wrongPassword = await api.call('POST', '/api/auth/sign-in', {
        body: { email: a.email, password: 'not it at all', totpCode: next },
      });
      expect(wrongPassword.body.message).toBe('Wrong e-mail or password');
    });

    it('turns off only with a current code', async () => {
      const a = await signUp();
      const setUp = await api.call('POST', '/api/auth/two-factor/set-up', {
        token: a.token,
        body: { password: PASSWORD },
      });
      const secret = TotpSecret.fromBase32(setUp.body.secret);
      const now = new Date();
      await api.call('POST', '/api/auth/two-factor/confirm', {
        token: a.token,
        body: { code: secret.codeAt(now) },
      });
      expect(
        (
          await api.call('POST', '/api/auth/two-factor/disable', {
            token: a.token,
            body: { password: PASSWORD, code: secret.codeAt(now) },
          })
        ).status,
      ).toBe(400);
      const next = secret.codeAt(new Date(now.getTime() + 30_000));
      expect(
        (
          await api.call('POST', '/api/auth/two-factor/disable', {
            token: a.token,
            body: { password: PASSWORD, code: next },
          })
        ).status,
      ).toBe(204);
      expect(
        (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } }))
          .status,
      ).toBe(200);
    });

    it('refuses to confirm before set-up', async () => {
      const a = await signUp();
      const answer = await api.call('POST', '/api/auth/two-factor/confirm', {
        token: a.token,
        body: { code: '123456' },
      });
      expect(answer.status).toBe(409);
    });
  });

  describe('answers that do not tell whether an account exists', () => {
    const timed = async (call: () => Promise<{ status: number; body: unknown }>) => {
      const startedAt = performance.now();
      const answer = await call();
      return { ...answer, ms: performance.now() - startedAt };
    };
    const agencies = () =>
      g.gateway.serviceDb.asSystem((tx) =>
        tx.query<{ n: string }>('SELECT count(*) AS n FROM gateway.agency'),
      );

    it('answers sign-up with a taken e-mail exactly like a new one, creates nothing and mails the owner', async () => {
      const a = await signUp();
      const before = await agencies();
      const body = (email: string) => ({
        agencyName: 'Copycat',
        workspaceName: 'Brand',
        name: 'Mallory',
        email,
        password: 'mallory password 1',
      });
      const taken = await timed(() =>
        api.call('POST', '/api/auth/sign-up', { body: body(a.email.toUpperCase()) }),
      );
      const fresh = await timed(() =>
        api.call('POST', '/api/auth/sign-up', { body: body(`fresh-${unique()}@example.test`) }),
      );
      expect([taken.status, fresh.status]).toEqual([202, 202]);
      expect(taken.body).toEqual(fresh.body);
      expect(JSON.stringify(taken.body)).not.toMatch(/chorus_|token"/);
      expect(Math.min(taken.ms, fresh.ms)).toBeGreaterThanOrEqual(UNIFORM_ANSWER_MS - 5);
      expect(Math.abs(taken.ms - fresh.ms)).toBeLessThan(100);
      expect(Number((await agencies())[0]!.n)).toBe(Number(before[0]!.n) + 1); // only the fresh one
      expect(await latestMailTo(g.gateway, a.email)).toContain('tried to create a new Chorus agency');
      // The owner's password still works; Mallory's does not.
      expect(
        (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } }))
          .status,
      ).toBe(200);
      expect(
        (
          await api.call('POST', '/api/auth/sign-in', {
            body: { email: a.email, password: 'mallory password 1' },
          })
        ).status,
      ).toBe(401);
    });

    it('answers a password reset for a known and an unknown e-mail in comparable time', async () => {
      const a = await signUp();
      // Alternated samples, compared by their medians: one answer slowed by a busy machine says nothing.
      const known: { status: number; ms: number }[] = [];
      const unknown: { status: number; ms: number }[] = [];
      for (let round = 0; round < 3; round += 1) {
        known.push(
          await timed(() => api.call('POST', '/api/auth/password-reset', { body: { email: a.email } })),
        );
        unknown.push(
          await timed(() =>
            api.call('POST', '/api/auth/password-reset', {
              body: { email: `nobody-${unique()}@example.test` },
            }),
          ),
        );
      }
      expect([...known, ...unknown].map((answer) => answer.status)).toEqual(Array(6).fill(202));
      const median = (answers: { ms: number }[]) =>
        answers.map((answer) => answer.ms).sort((x, y) => x - y)[1]!;
      // Both wait for the same floor, far above either path's own work (a few writes, one argon2 check).
      expect(Math.min(...[...known, ...unknown].map((answer) => answer.ms))).toBeGreaterThanOrEqual(
        UNIFORM_ANSWER_MS - 5,
      );
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(100);
    });
  });

  describe('password reset', () => {
    it('mails a one-time link to the outbox, sets the new password and signs out every session', async () => {
      const a = await signUp();
      const unknown = await api.call('POST', '/api/auth/password-reset', {
        body: { email: `nobody-${unique()}@example.test` },
      });
      const known = await api.call('POST', '/api/auth/password-reset', {
        body: { email: a.email.toUpperCase() },
      });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);

      const outbox = await api.call('GET', '/api/mail-outbox', { token: a.token });
      expect(outbox.status).toBe(200);
      const [mail] = outbox.body.items as { to: string; subject: string; text: string }[];
      expect(mail).toMatchObject({ to: a.email, subject: 'Reset your Chorus password' });
      const token = /#token=(chorus_r_[\w-]+)/.exec(mail!.text)![1]!;

      const short = await api.call('POST', '/api/auth/password-reset/complete', {
        body: { token, password: 'short' },
      });
      expect(short.status).toBe(400);
      expect(short.body.problems[0]?.field).toBe('password');
      const newPassword = 'a brand new passphrase';
      expect(
        (
          await api.call('POST', '/api/auth/password-reset/complete', {
            body: { token, password: newPassword },
          })
        ).status,
      ).toBe(204);
      expect((await api.call('GET', '/api/me', { token: a.token })).status).toBe(401);
      expect(
        (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } }))
          .status,
      ).toBe(401);
      expect(
        (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: newPassword } }))
          .status,
      ).toBe(200);

      const reused = await api.call('POST', '/api/auth/password-reset/complete', {
        body: { token, password: 'another new passphrase' },
      });
      expect(reused.status).toBe(400);
      expect(reused.body.problems).toEqual([
        { field: 'token', problem: expect.stringContaining('already used') as unknown },
      ]);
    });

    it("shows an agency's admins only their own agency's mail", async () => {
      const a = await signUp();
      const b = await signUp();
      await api.call('POST', '/api/auth/password-reset', { body: { email: a.email } });
      const seenByB = await api.call('GET', '/api/mail-outbox', { token: b.token });
      expect((seenByB.body.items as { to: string }[]).map((m) => m.to)).not.toContain(a.email);
      expect((await api.call('GET', '/api/mail-outbox?limit=0', { token: b.token })).status).toBe(400);
    });
  });

  describe('API tokens with scopes', () => {
    it('acts only with the roles in its scopes, everywhere behind the gateway', async () => {
      const a = await signUp();
      const created = await api.call('POST', '/api/auth/api-tokens', {
        token: a.token,
        body: { name: 'reporting script', scopes: ['admin'], expiresInDays: 7 },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'reporting script',
        scopes: ['admin'],
        token: expect.stringMatching(/^chorus_/) as unknown,
      });
      const scoped = created.body.token;
      expect((await api.call('GET', '/api/echo/goals', { token: scoped })).body.roles).toEqual(['admin']);
      // A scoped token cannot mint another token, even a narrower one: it could widen itself.
      const mint = await api.call('POST', '/api/auth/api-tokens', { token: scoped, body: { name: 'wider' } });
      expect(mint.status).toBe(403);

      const listed = await api.call('GET', '/api/auth/api-tokens', { token: a.token });
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, name: 'reporting script', scopes: ['admin'] }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(scoped);
      expect(
        (await api.call('DELETE', `/api/auth/api-tokens/${created.body.id}`, { token: a.token })).status,
      ).toBe(204);
      expect((await api.call('GET', '/api/echo/goals', { token: scoped })).status).toBe(401);
      expect(
        (await api.call('DELETE', `/api/auth/api-tokens/${created.body.id}`, { token: a.token })).status,
      ).toBe(404);
    });

    it("keeps no roles outside the member's and cannot revoke another member's token", async () => {
      const a = await signUp();
      const b = await signUp();
      const foreign = await api.call('POST', '/api/auth/api-tokens', {
        token: a.token,
        body: { name: 'x', scopes: ['analyst'] },
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.problems).toEqual([
        { field: 'scopes', problem: expect.stringContaining('analyst') as unknown },
      ]);
      const bad = await api.call('POST', '/api/auth/api-tokens', {
        token: a.token,
        body: { name: '', scopes: ['wizard'], expiresInDays: 0 },
      });
      expect(bad.status).toBe(400);
      expect((bad.body.problems as { field: string }[]).map((p) => p.field).sort()).toEqual([
        'expiresInDays',
        'name',
        'scopes.0',
      ]);
      const mine = await api.call('POST', '/api/auth/api-tokens', { token: a.token, body: { name: 'mine' } });
      expect(
        (await api.call('DELETE', `/api/auth/api-tokens/${mine.body.id}`, { token: b.token })).status,
      ).toBe(404);
      expect((await api.call('DELETE', '/api/auth/api-tokens/not-a-uuid', { token: a.token })).status).toBe(
        400,
      );
      expect((await api.call('GET', '/api/echo/goals', { token: mine.body.token })).status).toBe(200);
    });

    it("never acts with its owner's agency role and never reads mail text (ADR 0018)", async () => {
      const a = await signUp();
      const tokenWith = async (body: Record<string, unknown>) =>
        (await api.call('POST', '/api/auth/api-tokens', { token: a.token, body })).body.token;
      const scoped = await tokenWith({ name: 'scoped', scopes: ['admin'] });
      const named = await tokenWith({ name: 'unscoped' });
      // The takeover: a token holder asks for a reset of the owner's password and reads the link.
      await api.call('POST', '/api/auth/password-reset', { body: { email: a.email } });
      const textSeenWith = async (token: string) => {
        const outbox = await api.call('GET', '/api/mail-outbox', { token });
        expect(outbox.status).toBe(200);
        const mine = (outbox.body.items as { to: string; text: string | null }[]).filter(
          (m) => m.to === a.email,
        );
        expect(mine.length).toBeGreaterThan(0);
        return mine.map((m) => m.text);
      };
      expect((await textSeenWith(a.token))[0]).toMatch(/#token=chorus_r_/);
      expect(await textSeenWith(scoped)).toEqual([null]);
      expect(await textSeenWith(named)).toEqual([null]);

      // The owner's sign-in is an agency-wide entry: the owner sees it, a scoped admin token does not.
      const signIns = async (token: string) =>
        (await api.call('GET', '/api/audit-log?action=member.signed-in', { token })).body.items as unknown[];
      expect((await signIns(a.token)).length).toBeGreaterThan(0);
      expect(await signIns(scoped)).toEqual([]);

      const agencyHook = await api.call('POST', '/api/notification-webhooks', {
        token: scoped,
        body: { url: 'https://hooks.example.test/chorus', scope: 'agency' },
      });
      expect(agencyHook.status).toBe(403);
      expect(
        (await api.call('POST', '/api/workspaces', { token: scoped, body: { name: 'Side brand' } })).status,
      ).toBe(403);
      expect(
        (await api.call('POST', '/api/workspaces', { token: a.token, body: { name: 'Side brand' } })).status,
      ).toBe(201);
    });
  });

  it('never logs a password, a token or a two-factor secret', () => {
    const all = g.logs.join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toMatch(/chorus_[sr]?_?[\w-]{40}/);
    expect(all).not.toContain('otpauth://');
  });
});
