import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TotpSecret } from '../src/domain/totp.value-object.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Attempts are reserved in PostgreSQL before a secret is checked: concurrency cannot beat the budget, and the
// second factor is throttled per account wherever it is checked (sign-in, confirm, disable, re-enrolment).

const PASSWORD = 'correct horse battery';
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

describe('sign-in and two-factor throttle (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let api: HttpClient;

  const signUp = async () => {
    const email = `throttle-${unique()}@example.test`;
    const answer = await signUpAndSignIn(api, {
      body: { agencyName: 'Agency', workspaceName: 'Brand', name: 'Ada', email, password: PASSWORD },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return { email, token: answer.body.token };
  };
  const withTwoFactor = async () => {
    const a = await signUp();
    const setUp = await api.call('POST', '/api/auth/two-factor/set-up', {
      token: a.token,
      body: { password: PASSWORD },
    });
    const secret = TotpSecret.fromBase32(setUp.body.secret);
    const confirmed = await api.call('POST', '/api/auth/two-factor/confirm', {
      token: a.token,
      body: { code: secret.codeAt(new Date()) },
    });
    expect(confirmed.status).toBe(204);
    return { ...a, secret };
  };
  const wrongCodeOf = (secret: TotpSecret) => {
    const now = Date.now();
    const valid = new Set([-30_000, 0, 30_000, 60_000].map((d) => secret.codeAt(new Date(now + d))));
    return ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code))!;
  };

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    api = new HttpClient(g.url);
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it('lets at most five of twenty concurrent wrong passwords reach the password check', async () => {
    const a = await signUp();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: 'wrong password' } }),
      ),
    );
    const statuses = answers.map((x) => x.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const locked = await api.call('POST', '/api/auth/sign-in', {
      body: { email: a.email, password: PASSWORD },
    });
    expect(locked.status).toBe(429);
  });

  it('gives a good sign-in its attempt back: four failures and a success leave the e-mail unlocked', async () => {
    const a = await signUp();
    for (let i = 0; i < 4; i++) {
      expect(
        (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: 'nope nope' } }))
          .status,
      ).toBe(401);
    }
    expect(
      (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } })).status,
    ).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect(
        (await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: 'nope nope' } }))
          .status,
      ).toBe(401);
    }
  });

  it('needs a current code to replace the secret while two-factor sign-in is on', async () => {
    const a = await withTwoFactor();
    const noCode = await api.call('POST', '/api/auth/two-factor/set-up', {
      token: a.token,
      body: { password: PASSWORD },
    });
    expect(noCode.status).toBe(400);
    expect(noCode.body.problems).toEqual([
      { field: 'code', problem: expect.stringContaining('current 6-digit code') as unknown },
    ]);
    const wrong = await api.call('POST', '/api/auth/two-factor/set-up', {
      token: a.token,
      body: { password: PASSWORD, code: wrongCodeOf(a.secret) },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.problems[0]?.field).toBe('code');

    // The old secret still signs in: nothing was replaced.
    const next = a.secret.codeAt(new Date(Date.now() + 30_000));
    const replaced = await api.call('POST', '/api/auth/two-factor/set-up', {
      token: a.token,
      body: { password: PASSWORD, code: next },
    });
    expect(replaced.status).toBe(201);
    expect(replaced.body.secret).not.toBe(a.secret.base32);
  });

  it('locks confirm and disable after five wrong codes for the account, even with the right one next', async () => {
    const a = await withTwoFactor();
    const wrong = wrongCodeOf(a.secret);
    for (let i = 0; i < 5; i++) {
      const answer = await api.call('POST', '/api/auth/two-factor/disable', {
        token: a.token,
        body: { password: PASSWORD, code: wrong },
      });
      expect(answer.status).toBe(400);
    }
    const right = a.secret.codeAt(new Date(Date.now() + 30_000));
    const locked = await api.call('POST', '/api/auth/two-factor/disable', {
      token: a.token,
      body: { password: PASSWORD, code: right },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('too-many-attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);

    const b = await signUp();
    await api.call('POST', '/api/auth/two-factor/set-up', { token: b.token, body: { password: PASSWORD } });
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () =>
        api.call('POST', '/api/auth/two-factor/confirm', { token: b.token, body: { code: '000000' } }),
      ),
    );
    expect(guesses.filter((x) => x.status === 429).length).toBeGreaterThanOrEqual(7);
    // Each try checks the password too (argon2): slower than the default 5 s on a loaded machine.
  }, 30_000);
});
