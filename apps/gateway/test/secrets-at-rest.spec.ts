import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@chorus/contracts';
import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import { TotpSecret } from '../src/domain/totp.value-object.js';
import { NOTIFICATION_SETTINGS, VaultKeyRing } from '../src/index.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres } from './support/gateway-on-postgres.js';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { signUpAndSignIn } from './support/sign-up.js';

// TOTP secrets and webhook signing secrets at rest (docs/adr/0013), on the real PostgreSQL: sealed by the vault,
// absent from their rows in clear; secrets stored in clear before the vault held them are sealed by the start-up
// pass; a master-key rotation re-wraps them; two-factor sign-in and webhook signatures keep working throughout.

const PASSWORD = 'correct horse battery';
const K1 = VaultKeyRing.generateEntry('k1');
const K2 = VaultKeyRing.generateEntry('k2');

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The receiver's check from docs/notifications.md. */
function signedWith(secret: string, received: Received): boolean {
  const header = String(received.headers['x-chorus-signature'] ?? '');
  const { t, v1 } = Object.fromEntries(header.split(',').map((kv) => kv.split('='))) as Record<
    string,
    string
  >;
  const expected = createHmac('sha256', secret).update(`${t}.${received.body}`).digest();
  const given = Buffer.from(v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('secrets at rest: TOTP and webhook signing secrets in the vault', () => {
  let db: TestDatabase;
  let gateway: GatewayWithChannels | undefined;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];

  const start = async (vaultKeys: string) => {
    await gateway?.close();
    gateway = await startGatewayWithChannels([], {
      vaultKeys,
      database: db,
      providers: [
        {
          provide: NOTIFICATION_SETTINGS,
          useValue: { allowLoopbackHttpWebhooks: true, pollIntervalMs: 200 },
        },
      ],
    });
    return { g: gateway, api: new HttpClient(gateway.url) };
  };

  const rowText = async (table: string, id: string) =>
    (
      await gateway!.sql<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM gateway.${table} t WHERE id = $1`,
        [id],
      )
    )[0]!.row;

  const signUp = async (api: HttpClient, name: string) => {
    const email = `${name}-${uuidv7()}@example.test`;
    const answer = await signUpAndSignIn(api, {
      body: { agencyName: name, workspaceName: name, name, email, password: PASSWORD },
    });
    expect(answer.status).toBe(201);
    return { ...(answer.body as unknown as { token: string; userId: string; agencyId: string }), email };
  };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body });
        response.statusCode = 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    db = await createTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await db?.drop();
    await new Promise((resolve) => receiver?.close(resolve));
  }, 60_000);

  it('seals, converts clear secrets at start, re-wraps on rotation, and sign-in and signatures keep working', async () => {
    let { g, api } = await start(K1);

    // 1. A secret set up now is sealed: the row holds no clear secret, and two-factor sign-in works.
    const ada = await signUp(api, 'ada');
    const setUp = await api.call('POST', '/api/auth/two-factor/set-up', {
      token: ada.token,
      body: { password: PASSWORD },
    });
    expect(setUp.status).toBe(201);
    const adaSecret = TotpSecret.fromBase32(setUp.body.secret);
    expect(await rowText('member', ada.userId)).not.toContain(setUp.body.secret);
    const now = new Date();
    const confirm = await api.call('POST', '/api/auth/two-factor/confirm', {
      token: ada.token,
      body: { code: adaSecret.codeAt(now) },
    });
    expect(confirm.status).toBe(204);
    const adaRow = await rowText('member', ada.userId);
    expect(adaRow).not.toContain(setUp.body.secret);
    const adaSignIn = await api.call('POST', '/api/auth/sign-in', {
      body: {
        email: ada.email,
        password: PASSWORD,
        totpCode: adaSecret.codeAt(new Date(now.getTime() + 30_000)),
      },
    });
    expect(adaSignIn.status).toBe(200);
    // (Each sign-in stores the last used step, sealing the secrets again: read them after it.)
    const [adaSealed] = await g.sql<{ totp_sealed: { keyId: string; ciphertext: string } }>(
      `SELECT totp_sealed FROM gateway.member WHERE id = $1`,
      [ada.userId],
    );
    expect(adaSealed!.totp_sealed.keyId).toBe('k1');

    // A webhook's signing secret, shown once, is sealed too.
    const hook = await api.call('POST', '/api/notification-webhooks', {
      token: ada.token,
      body: { url: `${receiverUrl}/sealed`, kinds: ['test'] },
    });
    expect(hook.status).toBe(201);
    const hookSecret = hook.body.secret;
    expect(hookSecret).toMatch(/^whsec_/);
    expect(await rowText('notification_webhook', hook.body.id)).not.toContain(hookSecret);

    // 2. Secrets stored in clear before this version (the migration kept them in *_unsealed columns).
    const bo = await signUp(api, 'bo');
    const boSecret = TotpSecret.generate();
    await g.sql(`UPDATE gateway.member SET totp_secret_unsealed = $2, totp_last_step = NULL WHERE id = $1`, [
      bo.userId,
      boSecret.base32,
    ]);
    const legacyHookId = uuidv7();
    const legacySecret = `whsec_legacy_${uuidv7()}`;
    await g.sql(
      `INSERT INTO gateway.notification_webhook
         (id, tenant_id, url, kinds, description, created_at, created_by, secret_unsealed)
       VALUES ($1, $2, $3, ARRAY['test'], NULL, now(), $4, $5)`,
      [legacyHookId, bo.agencyId, `${receiverUrl}/legacy`, bo.userId, legacySecret],
    );

    // 3. Rotation: the new key first. The start-up pass seals the clear ones and re-wraps the rest under k2.
    ({ g } = await start(`${K2},${K1}`));
    const converted = async () => {
      const members = await g.sql<{ key: string | null; clear: number }>(
        `SELECT totp_sealed->>'keyId' AS key,
                (totp_secret_unsealed IS NOT NULL OR totp_pending_secret_unsealed IS NOT NULL)::int AS clear
           FROM gateway.member WHERE id = ANY($1)`,
        [[ada.userId, bo.userId]],
      );
      const hooks = await g.sql<{ key: string | null; clear: number }>(
        `SELECT secret_sealed->>'keyId' AS key, (secret_unsealed IS NOT NULL)::int AS clear
           FROM gateway.notification_webhook`,
      );
      return [...members, ...hooks];
    };
    const deadline = Date.now() + 10_000;
    while ((await converted()).some((r) => r.key !== 'k2' || r.clear !== 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await converted()).toEqual([
      { key: 'k2', clear: 0 },
      { key: 'k2', clear: 0 },
      { key: 'k2', clear: 0 },
      { key: 'k2', clear: 0 },
    ]);
    expect(await rowText('member', bo.userId)).not.toContain(boSecret.base32);
    expect(await rowText('notification_webhook', legacyHookId)).not.toContain(legacySecret);
    // Re-wrapping changed only the data key's wrapping, not the secret's ciphertext.
    const [adaRewrapped] = await g.sql<{ totp_sealed: { ciphertext: string } }>(
      `SELECT totp_sealed FROM gateway.member WHERE id = $1`,
      [ada.userId],
    );
    expect(adaRewrapped!.totp_sealed.ciphertext).toBe(adaSealed!.totp_sealed.ciphertext);

    // 4. The old key is gone: the secrets still open. Bo signs in with a code from the secret stored in clear.
    ({ g, api } = await start(K2));
    const noCode = await api.call('POST', '/api/auth/sign-in', {
      body: { email: bo.email, password: PASSWORD },
    });
    expect(noCode.status).toBe(401);
    expect(noCode.body.error).toBe('second-factor-required');
    const boSignIn = await api.call('POST', '/api/auth/sign-in', {
      body: { email: bo.email, password: PASSWORD, totpCode: boSecret.codeAt(new Date()) },
    });
    expect(boSignIn.status).toBe(200);
    // Ada's secret opens too: her used code is refused as a replay (401), not a vault failure (5xx).
    const adaReplay = await api.call('POST', '/api/auth/sign-in', {
      body: {
        email: ada.email,
        password: PASSWORD,
        totpCode: adaSecret.codeAt(new Date(now.getTime() + 30_000)),
      },
    });
    expect(adaReplay.status).toBe(401);
    expect(adaReplay.body.message).toContain('already used');

    // Both webhooks sign with their own secret, opened from the vault under the new key.
    for (const member of [ada, { ...bo, token: boSignIn.body.token }]) {
      expect(
        (await api.call('POST', '/api/notifications/test', { token: member.token, body: {} })).status,
      ).toBe(201);
    }
    const until = Date.now() + 15_000;
    while (received.length < 2 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sealedDelivery = received.find((r) => r.path === '/sealed');
    const legacyDelivery = received.find((r) => r.path === '/legacy');
    expect(sealedDelivery && signedWith(hookSecret, sealedDelivery)).toBe(true);
    expect(legacyDelivery && signedWith(legacySecret, legacyDelivery)).toBe(true);
    expect(legacyDelivery && signedWith(hookSecret, legacyDelivery)).toBe(false);
  }, 120_000);

  it('without a vault: refuses new secrets (503 naming the variable), keeps secrets from before working', async () => {
    const bare = await startGatewayOnPostgres({ withVault: false });
    try {
      const api = new HttpClient(bare.url);
      const cy = await signUp(api, 'cy');
      const setUp = await api.call('POST', '/api/auth/two-factor/set-up', {
        token: cy.token,
        body: { password: PASSWORD },
      });
      expect(setUp.status).toBe(503);
      expect(setUp.body.message).toContain('CHORUS_VAULT_MASTER_KEYS');
      const hook = await api.call('POST', '/api/notification-webhooks', {
        token: cy.token,
        body: { url: 'https://hooks.example.test/chorus' },
      });
      expect(hook.status).toBe(503);
      expect(hook.body.message).toContain('CHORUS_VAULT_MASTER_KEYS');
      const rows = await bare.gateway.serviceDb.asSystem((tx) =>
        tx.query<{ sealed: number; hooks: number }>(
          `SELECT (SELECT count(*) FROM gateway.member WHERE totp_sealed IS NOT NULL
                     OR totp_pending_secret_unsealed IS NOT NULL)::int AS sealed,
                  (SELECT count(*) FROM gateway.notification_webhook)::int AS hooks`,
        ),
      );
      expect(rows).toEqual([{ sealed: 0, hooks: 0 }]);
      // A secret stored in clear before the upgrade keeps working until a vault is configured to seal it.
      const legacy = TotpSecret.generate();
      await bare.gateway.serviceDb.asSystem((tx) =>
        tx.query(`UPDATE gateway.member SET totp_secret_unsealed = $2 WHERE id = $1`, [
          cy.userId,
          legacy.base32,
        ]),
      );
      const noCode = await api.call('POST', '/api/auth/sign-in', {
        body: { email: cy.email, password: PASSWORD },
      });
      expect(noCode.body.error).toBe('second-factor-required');
      const withCode = await api.call('POST', '/api/auth/sign-in', {
        body: { email: cy.email, password: PASSWORD, totpCode: legacy.codeAt(new Date()) },
      });
      expect(withCode.status).toBe(200);
      // Members without two-factor sign in as before.
      await bare.gateway.serviceDb.asSystem((tx) =>
        tx.query(`UPDATE gateway.member SET totp_secret_unsealed = NULL WHERE id = $1`, [cy.userId]),
      );
      const signIn = await api.call('POST', '/api/auth/sign-in', {
        body: { email: cy.email, password: PASSWORD },
      });
      expect(signIn.status).toBe(200);
    } finally {
      await bare.close();
    }
  }, 60_000);
});
