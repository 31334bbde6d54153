import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken } from '../src/domain/api-token.value-object.js';
import { TotpSecret } from '../src/domain/totp.value-object.js';
import { HttpClient, type Answer } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { mailedToken } from './support/machine-mailbox.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Issue #8, accounts (ADR 0029), on the real PostgreSQL behind a trusted proxy (each test speaks from its own
// client address): sign-up, reset request and reset completion are limited per e-mail and per address like
// sign-in, answering 429 with Retry-After alike whether the account exists; a completed reset revokes every
// session and API token, audited; two-factor enrolment and disabling need the current password.

const PASSWORD = 'correct horse battery';
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;
let lastOctet = 0;
/** A client address of its own for each use (documentation range, RFC 5737). */
const freshAddress = () => `203.0.113.${(lastOctet += 1)}`;

describe('authentication limits, reset revocation and re-authentication (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let api: HttpClient;

  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const signUpBody = (email: string) => ({
    agencyName: 'Agency',
    workspaceName: 'Brand',
    name: 'Ada',
    email,
    password: PASSWORD,
  });
  const signUp = async (email = `hardening-${unique()}@example.test`) => {
    const answer = await signUpAndSignIn(api, { body: signUpBody(email) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return { ...(answer.body as unknown as { token: string; userId: string; agencyId: string }), email };
  };
  /** The answers, in order, until the first 429 (or `max` of them). */
  const untilLimited = async (max: number, call: (i: number) => Promise<Answer>): Promise<Answer[]> => {
    const answers: Answer[] = [];
    for (let i = 0; i < max; i++) {
      const answer = await call(i);
      answers.push(answer);
      if (answer.status === 429) {
        break;
      }
    }
    return answers;
  };
  /** What a limited answer shows, without its figures (seconds left tick while the test runs). */
  const shapeOf = (answer: Answer) => ({
    status: answer.status,
    error: answer.body.error,
    message: String(answer.body.message).replace(/\d+/g, 'N'),
    retryAfter: Number(answer.headers.get('retry-after')) > 0,
  });

  beforeAll(async () => {
    g = await startGatewayOnPostgres({ trustProxy: ['loopback'] });
    api = new HttpClient(g.url);
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  describe('sign-up', () => {
    it('limits attempts per e-mail (any case), alike for a taken and a new address', async () => {
      const taken = (await signUp()).email;
      const fresh = `fresh-${unique()}@example.test`;
      const ip = freshAddress();
      // The taken one has had one attempt already (its sign-up, from another address): four more pass.
      const takenAnswers = await untilLimited(10, (i) =>
        api.call('POST', '/api/auth/sign-up', {
          body: signUpBody(i % 2 === 0 ? taken.toUpperCase() : taken),
          headers: from(ip),
        }),
      );
      const freshAnswers = await untilLimited(10, (i) =>
        api.call('POST', '/api/auth/sign-up', {
          body: signUpBody(i % 2 === 0 ? fresh.toUpperCase() : fresh),
          headers: from(ip),
        }),
      );
      expect(takenAnswers.map((a) => a.status)).toEqual([202, 202, 202, 202, 429]);
      expect(freshAnswers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202, 429]);
      expect(shapeOf(takenAnswers.at(-1)!)).toEqual(shapeOf(freshAnswers.at(-1)!));
      expect(shapeOf(freshAnswers.at(-1)!)).toEqual({
        status: 429,
        error: 'too-many-attempts',
        message: 'Too many failed attempts: try again in N s',
        retryAfter: true,
      });
      // Another e-mail from the same address still signs up: the address has budget left.
      const other = await api.call('POST', '/api/auth/sign-up', {
        body: signUpBody(`other-${unique()}@example.test`),
        headers: from(ip),
      });
      expect(other.status).toBe(202);
    }, 30_000);

    it('limits attempts per client address, whatever the e-mails', async () => {
      const ip = freshAddress();
      const answers = await Promise.all(
        Array.from({ length: 51 }, () =>
          api.call('POST', '/api/auth/sign-up', {
            body: signUpBody(`spray-${unique()}@example.test`),
            headers: from(ip),
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(50);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
      // Another address is not affected.
      const elsewhere = await api.call('POST', '/api/auth/sign-up', {
        body: signUpBody(`elsewhere-${unique()}@example.test`),
        headers: from(freshAddress()),
      });
      expect(elsewhere.status).toBe(202);
    }, 60_000);
  });

  describe('password reset request', () => {
    it(
      'limits requests per e-mail, alike for a known and an unknown e-mail, with Retry-After',
      {
        timeout: 30_000,
      },
      async () => {
        const known = (await signUp()).email;
        const unknown = `nobody-${unique()}@example.test`;
        const request = (email: string, i: number) =>
          api.call('POST', '/api/auth/password-reset', {
            body: { email: i % 2 === 0 ? email.toUpperCase() : email },
            headers: from(freshAddress()),
          });
        const knownAnswers = await untilLimited(6, (i) => request(known, i));
        const unknownAnswers = await untilLimited(6, (i) => request(unknown, i));
        expect(knownAnswers.map((a) => a.status)).toEqual([202, 202, 202, 429]);
        expect(unknownAnswers.map((a) => a.status)).toEqual([202, 202, 202, 429]);
        expect(shapeOf(knownAnswers.at(-1)!)).toEqual(shapeOf(unknownAnswers.at(-1)!));
        expect(Number(knownAnswers.at(-1)!.headers.get('retry-after'))).toBeGreaterThan(3000);
      },
    );

    it('limits requests per client address, whatever the e-mails', async () => {
      const ip = freshAddress();
      const answers = await Promise.all(
        Array.from({ length: 51 }, () =>
          api.call('POST', '/api/auth/password-reset', {
            body: { email: `walk-${unique()}@example.test` },
            headers: from(ip),
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(50);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    }, 60_000);
  });

  describe('password reset completion', () => {
    it('limits wrong links per client address; a locked address cannot use even a good link', async () => {
      const a = await signUp();
      await api.call('POST', '/api/auth/password-reset', { body: { email: a.email } });
      const good = await mailedToken(g.gateway, a.email);
      const ip = freshAddress();
      const guesses = await untilLimited(30, () =>
        api.call('POST', '/api/auth/password-reset/complete', {
          body: { token: `chorus_r_${unique()}`, password: 'a brand new passphrase' },
          headers: from(ip),
        }),
      );
      expect(guesses.slice(0, -1).every((x) => x.status === 400)).toBe(true);
      expect(guesses).toHaveLength(21);
      expect(guesses.at(-1)!.status).toBe(429);
      expect(Number(guesses.at(-1)!.headers.get('retry-after'))).toBeGreaterThan(0);
      const locked = await api.call('POST', '/api/auth/password-reset/complete', {
        body: { token: good, password: 'a brand new passphrase' },
        headers: from(ip),
      });
      expect(locked.status).toBe(429);
      // The link was not spent: from another address it still works.
      const elsewhere = await api.call('POST', '/api/auth/password-reset/complete', {
        body: { token: good, password: 'a brand new passphrase' },
        headers: from(freshAddress()),
      });
      expect(elsewhere.status).toBe(204);
    });

    it('limits new passwords per account, keeping the refused link for later', async () => {
      const a = await signUp();
      // Six valid links at once, as the outbox would hold them after invitations and resets.
      const links = Array.from({ length: 6 }, () => ApiToken.issue('reset'));
      await g.gateway.serviceDb.asSystem(async (tx) => {
        for (const link of links) {
          await tx.query(
            `INSERT INTO gateway.password_reset (token_hash, tenant_id, member_id, created_at, expires_at)
             VALUES ($1, $2, $3, now(), now() + interval '1 hour')`,
            [link.hash, a.agencyId, a.userId],
          );
        }
      });
      const statuses: number[] = [];
      for (const link of links) {
        const answer = await api.call('POST', '/api/auth/password-reset/complete', {
          body: { token: link.secret, password: `passphrase ${unique()}` },
          headers: from(freshAddress()),
        });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([204, 204, 204, 204, 204, 429]);
      const [row] = await g.gateway.serviceDb.asSystem((tx) =>
        tx.query<{ used_at: Date | null }>(
          `SELECT used_at FROM gateway.password_reset WHERE token_hash = $1`,
          [links[5]!.hash],
        ),
      );
      expect(row!.used_at).toBeNull();
    });

    it('revokes every session, sign-in token and API token of the account, and audits it', async () => {
      const a = await signUp();
      const named = await api.call('POST', '/api/auth/api-tokens', {
        token: a.token,
        body: { name: 'reporting script' },
      });
      expect(named.status).toBe(201);
      const browser = new HttpClient(g.url);
      const session = await browser.call('POST', '/api/auth/session', {
        body: { email: a.email, password: PASSWORD },
      });
      expect(session.status).toBe(201);
      expect((await browser.call('GET', '/api/me')).status).toBe(200);

      await api.call('POST', '/api/auth/password-reset', { body: { email: a.email } });
      const link = await mailedToken(g.gateway, a.email);
      const done = await api.call('POST', '/api/auth/password-reset/complete', {
        body: { token: link, password: 'a brand new passphrase' },
      });
      expect(done.status).toBe(204);

      expect((await api.call('GET', '/api/me', { token: a.token })).status).toBe(401);
      expect((await api.call('GET', '/api/me', { token: named.body.token })).status).toBe(401);
      expect((await browser.call('GET', '/api/me')).status).toBe(401);
      const rows = await g.gateway.serviceDb.asSystem((tx) =>
        tx.query<{ action: string; actor_id: string; details: Record<string, number> }>(
          `SELECT action, actor_id, details FROM gateway.audit_entry
            WHERE object_id = $1 AND action = 'member.password-set'`,
          [a.userId],
        ),
      );
      expect(rows).toEqual([
        {
          action: 'member.password-set',
          actor_id: a.userId,
          details: { sessionsRevoked: 2, apiTokensRevoked: 1 },
        },
      ]);
      // Signing in with the new password works, and new tokens can be made.
      const again = await api.call('POST', '/api/auth/sign-in', {
        body: { email: a.email, password: 'a brand new passphrase' },
      });
      expect(again.status).toBe(200);
    });
    it('changes nothing when a step of the reset fails: password, tokens and link stay as they were', async () => {
      const a = await signUp();
      const named = await api.call('POST', '/api/auth/api-tokens', {
        token: a.token,
        body: { name: 'reporting script' },
      });
      expect(named.status).toBe(201);
      await api.call('POST', '/api/auth/password-reset', { body: { email: a.email } });
      const link = await mailedToken(g.gateway, a.email);
      // The last step (the audit entry) fails for this member only: a trigger put in as the database owner.
      const owner = new DataSource({ type: 'postgres', url: g.ownerUrl });
      await owner.initialize();
      await owner.query(`CREATE OR REPLACE FUNCTION gateway.test_refuse_password_set() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN
          IF NEW.action = 'member.password-set' AND NEW.object_id::text = '${a.userId}' THEN
            RAISE EXCEPTION 'audit store down';
          END IF;
          RETURN NEW;
        END $$`);
      await owner.query(`CREATE TRIGGER test_refuse_password_set BEFORE INSERT ON gateway.audit_entry
        FOR EACH ROW EXECUTE FUNCTION gateway.test_refuse_password_set()`);
      try {
        const failed = await api.call('POST', '/api/auth/password-reset/complete', {
          body: { token: link, password: 'a brand new passphrase' },
        });
        expect(failed.status).toBe(500);
        // Nothing of it stayed: the old password, the sign-in token and the API token still work.
        expect((await api.call('GET', '/api/me', { token: a.token })).status).toBe(200);
        expect((await api.call('GET', '/api/me', { token: named.body.token })).status).toBe(200);
        const old = await api.call('POST', '/api/auth/sign-in', {
          body: { email: a.email, password: PASSWORD },
        });
        expect(old.status).toBe(200);
      } finally {
        await owner.query(`DROP TRIGGER test_refuse_password_set ON gateway.audit_entry`);
        await owner.destroy();
      }
      // The link was not spent by the failed attempt.
      const done = await api.call('POST', '/api/auth/password-reset/complete', {
        body: { token: link, password: 'a brand new passphrase' },
      });
      expect(done.status).toBe(204);
      expect((await api.call('GET', '/api/me', { token: named.body.token })).status).toBe(401);
    });
  });

  describe('two-factor changes need the current password', () => {
    it('refuses enrolment with a session alone or a wrong password', async () => {
      const a = await signUp();
      const noPassword = await api.call('POST', '/api/auth/two-factor/set-up', { token: a.token });
      expect(noPassword.status).toBe(400);
      expect(noPassword.body.problems?.map((p) => p.field)).toEqual(['password']);
      const wrong = await api.call('POST', '/api/auth/two-factor/set-up', {
        token: a.token,
        body: { password: 'not my password' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.problems).toEqual([
        { field: 'password', problem: expect.stringContaining('password is wrong') as unknown },
      ]);
      const [row] = await g.gateway.serviceDb.asSystem((tx) =>
        tx.query<{ totp_sealed: unknown }>(`SELECT totp_sealed FROM gateway.member WHERE id = $1`, [
          a.userId,
        ]),
      );
      expect(row!.totp_sealed).toBeNull();
      const right = await api.call('POST', '/api/auth/two-factor/set-up', {
        token: a.token,
        body: { password: PASSWORD },
      });
      expect(right.status).toBe(201);
    });

    it('limits wrong passwords per account (429), and never echoes or logs the password tried', async () => {
      const a = await signUp();
      const guess = `guessed-password-${unique()}`;
      const answers = await untilLimited(10, () =>
        api.call('POST', '/api/auth/two-factor/set-up', { token: a.token, body: { password: guess } }),
      );
      expect(answers.map((x) => x.status)).toEqual([400, 400, 400, 400, 400, 429]);
      expect(shapeOf(answers.at(-1)!)).toMatchObject({ error: 'too-many-attempts', retryAfter: true });
      // Locked: even the right password waits, so guessing on cannot find it.
      const right = await api.call('POST', '/api/auth/two-factor/set-up', {
        token: a.token,
        body: { password: PASSWORD },
      });
      expect(right.status).toBe(429);
      expect(JSON.stringify(answers.map((x) => x.body))).not.toContain(guess);
      expect(g.logs.join('\n')).not.toContain(guess);
      expect(g.logs.join('\n')).not.toContain(PASSWORD);
    });

    it('refuses to turn two-factor off without the password, even with a right code', async () => {
      const a = await signUp();
      const setUp = await api.call('POST', '/api/auth/two-factor/set-up', {
        token: a.token,
        body: { password: PASSWORD },
      });
      const secret = TotpSecret.fromBase32(setUp.body.secret);
      const now = Date.now();
      const confirmed = await api.call('POST', '/api/auth/two-factor/confirm', {
        token: a.token,
        body: { code: secret.codeAt(new Date(now)) },
      });
      expect(confirmed.status).toBe(204);
      const code = secret.codeAt(new Date(now + 30_000));
      const codeOnly = await api.call('POST', '/api/auth/two-factor/disable', {
        token: a.token,
        body: { code },
      });
      expect(codeOnly.status).toBe(400);
      expect(codeOnly.body.problems?.map((p) => p.field)).toEqual(['password']);
      const wrong = await api.call('POST', '/api/auth/two-factor/disable', {
        token: a.token,
        body: { password: 'not my password', code },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.problems?.map((p) => p.field)).toEqual(['password']);
      // Still on: a password alone does not sign in.
      const signIn = await api.call('POST', '/api/auth/sign-in', {
        body: { email: a.email, password: PASSWORD },
      });
      expect(signIn.body.error).toBe('second-factor-required');
      const off = await api.call('POST', '/api/auth/two-factor/disable', {
        token: a.token,
        body: { password: PASSWORD, code },
      });
      expect(off.status).toBe(204);
    });
  });
});
