import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { sealCredentials } from '../src/application/channels/channel-credentials.mapper.js';
import { RewrapChannelSecretsCommand } from '../src/application/commands/rewrap-channel-secrets/rewrap-channel-secrets.command.js';
import { SealTwoFactorSecretsCommand } from '../src/application/commands/seal-two-factor-secrets/seal-two-factor-secrets.command.js';
import type { TwoFactorSealReport } from '../src/application/ports/account-repository.port.js';
import { totpBinding } from '../src/infrastructure/persistence/two-factor-secrets.mapper.js';
import { SealWebhookSecretsCommand } from '../src/notifications/application/commands/seal-webhook-secrets/seal-webhook-secrets.command.js';
import {
  OUTBOUND_POLICY,
  PURPOSE_HEADER,
  SERVICE_NAME_HEADER,
  SERVICE_TOKEN_HEADER,
  TENANT_HEADER,
  VaultKeyRing,
  createTokenVault,
} from '../src/index.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { signUpAndSignIn } from './support/sign-up.js';

// ADR 0018, on the real PostgreSQL with the Mastodon connector and its fake (real HTTP on loopback): a server
// address on a private network is refused at input; every credentials read is audited without the secret; a
// re-wrap pass goes on past a row it cannot open, and reports it.

const K1 = VaultKeyRing.generateEntry('k1');
const K2 = VaultKeyRing.generateEntry('k2');
const STRANGER = VaultKeyRing.generateEntry('k9');

describe('channel guards (PostgreSQL, Mastodon fake)', () => {
  let fake: MastodonFake;
  let host: GatewayWithChannels;
  let api: HttpClient;
  let admin: { token: string; agencyId: string; workspaceId: string; userId: string };

  /** A connected channel whose credentials are sealed under `keys`' active key. */
  const sealedChannel = async (keys: string, accessToken: string): Promise<string> => {
    const id = randomUUID();
    const ref = { tenantId: admin.agencyId, channelId: id };
    const sealed = sealCredentials(createTokenVault(keys), ref, {
      accountId: `${id}@mastodon.example`,
      accessToken,
      scopes: ['read', 'write'],
    });
    await host.sql(
      `INSERT INTO gateway.channel (id, tenant_id, workspace_id, network, remote_account_id, handle,
         display_name, state, credentials, vault_key_id, connected_by_id, created_at, updated_at)
       VALUES ($1::uuid, $2, $3, 'mastodon', $1::text, 'brand', 'Brand', 'connected', $4, $5, $6, now(), now())`,
      [id, admin.agencyId, admin.workspaceId, JSON.stringify(sealed), sealed.keyId, admin.userId],
    );
    return id;
  };

  beforeAll(async () => {
    fake = await MastodonFake.start();
    host = await startGatewayWithChannels([{ resolve: '@chorus/connector-mastodon', options: {} }], {
      // k2 is active, k1 still opens: a rotation in progress.
      vaultKeys: `${K2},${K1}`,
      providers: [{ provide: OUTBOUND_POLICY, useValue: { allowPrivateNetworkTargets: false } }],
    });
    api = new HttpClient(host.url);
    const signUp = await signUpAndSignIn(api, {
      body: {
        agencyName: 'Agency',
        workspaceName: 'Brand',
        name: 'Ada',
        email: `guards-${Date.now()}@example.test`,
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

  it.each(['https://169.254.169.254', 'https://10.1.2.3', 'http://localhost:8080', 'https://[::1]'])(
    'refuses the server address %s with a 400 naming params.instanceUrl, storing nothing',
    async (url) => {
      const answer = await api.call('POST', '/api/channels/oauth/start', {
        token: admin.token,
        body: { network: 'mastodon', params: { instanceUrl: url } },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.problems).toEqual([
        { field: 'params.instanceUrl', problem: expect.stringMatching(/public address/) as unknown },
      ]);
      expect(await host.sql(`SELECT 1 FROM gateway.oauth_authorization`)).toEqual([]);
    },
  );

  it('refuses the fake on loopback too, and the fake is never called', async () => {
    const before = fake.requests().length;
    const answer = await api.call('POST', '/api/channels/oauth/start', {
      token: admin.token,
      body: { network: 'mastodon', params: { instanceUrl: fake.url } },
    });
    expect(answer.status).toBe(400);
    expect(fake.requests().length).toBe(before);
  });

  it('records every credentials read in the audit log (service, channel, purpose), never the token', async () => {
    const channelId = await sealedChannel(K2, 'tok-audited-secret');
    const read = (headers: Record<string, string>) =>
      fetch(`${host.url}/internal/channels/${channelId}/credentials`, {
        headers: { [SERVICE_TOKEN_HEADER]: host.internalToken, [TENANT_HEADER]: admin.agencyId, ...headers },
      });
    const unnamed = await read({});
    expect(unnamed.status).toBe(400);
    expect(await unnamed.text()).toContain(SERVICE_NAME_HEADER);
    const ok = await read({ [SERVICE_NAME_HEADER]: 'content', [PURPOSE_HEADER]: 'publish' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { credentials: { accessToken: string } }).credentials.accessToken).toBe(
      'tok-audited-secret',
    );
    const rows = await host.sql<{ action: string; source: string; details: Record<string, string> }>(
      `SELECT action, source, details FROM gateway.audit_entry WHERE object_id = $1`,
      [channelId],
    );
    expect(rows).toEqual([
      {
        action: 'channel.credentials-read',
        source: 'content',
        details: { service: 'content', purpose: 'publish', network: 'mastodon' },
      },
    ]);
    expect(JSON.stringify(await host.sql(`SELECT * FROM gateway.audit_entry`))).not.toContain(
      'tok-audited-secret',
    );
    // An admin sees who read it in the workspace's audit log.
    const log = await api.call('GET', '/api/audit-log?action=channel.credentials-read', {
      token: admin.token,
    });
    expect(log.body.items.map((e) => e.id)).toHaveLength(1);
  });

  it('reads several channels in one batched request: each answered as its own read, each audited', async () => {
    const first = await sealedChannel(K2, 'tok-batch-one');
    const second = await sealedChannel(K1, 'tok-batch-two');
    const revoked = await sealedChannel(K2, 'tok-batch-revoked');
    await host.sql(`UPDATE gateway.channel SET state = 'reauth-required' WHERE id = $1`, [revoked]);
    const unknown = randomUUID();
    const batch = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${host.url}/internal/channels/credentials`, {
        method: 'POST',
        headers: {
          [SERVICE_TOKEN_HEADER]: host.internalToken,
          [TENANT_HEADER]: admin.agencyId,
          [SERVICE_NAME_HEADER]: 'content',
          [PURPOSE_HEADER]: 'publish',
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify(body),
      });
    const answer = await batch({ channelIds: [first, unknown, revoked, second] });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { results } = (await answer.json()) as {
      results: { channelId: string; status: number; credentials?: { accessToken: string } }[];
    };
    expect(results.map((r) => [r.channelId, r.status, r.credentials?.accessToken ?? null])).toEqual([
      [first, 200, 'tok-batch-one'],
      [unknown, 404, null],
      [revoked, 409, null],
      [second, 200, 'tok-batch-two'],
    ]);
    const audited = await host.sql<{ object_id: string }>(
      `SELECT object_id FROM gateway.audit_entry
        WHERE action = 'channel.credentials-read' AND object_id = ANY($1::text[]) ORDER BY object_id`,
      [[first, second, revoked, unknown]],
    );
    expect(audited.map((row) => row.object_id).sort()).toEqual([first, second].sort());
    // Bad input: a clear 400 naming the field, nothing read.
    for (const body of [{}, { channelIds: [] }, { channelIds: [first, first] }, { channelIds: ['x'] }]) {
      const refused = await batch(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(await refused.text()).toContain('channelIds');
    }
    expect((await batch({ channelIds: [first] }, { [SERVICE_TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    expect((await batch({ channelIds: [first] }, { [PURPOSE_HEADER]: '' })).status).toBe(400);
  });

  it('re-wraps every channel it can open, passes over one it cannot, and reports it (no secret logged)', async () => {
    await host.sql(
      `UPDATE gateway.channel SET state = 'disconnected', credentials = NULL, vault_key_id = NULL`,
    );
    const first = await sealedChannel(K1, 'tok-one');
    const broken = await sealedChannel(STRANGER, 'tok-two'); // under a key this ring does not hold
    const last = await sealedChannel(K1, 'tok-three');
    const rewrapped: number = await host.gateway.app
      .get(CommandBus)
      .execute(new RewrapChannelSecretsCommand(1));
    expect(rewrapped).toBe(2);
    const keys = await host.sql<{ id: string; vault_key_id: string }>(
      `SELECT id, vault_key_id FROM gateway.channel WHERE id = ANY($1)`,
      [[first, broken, last]],
    );
    expect(Object.fromEntries(keys.map((k) => [k.id, k.vault_key_id]))).toEqual({
      [first]: 'k2',
      [broken]: 'k9',
      [last]: 'k2',
    });
    const logs = host.logs.join('\n');
    expect(logs).toContain('vault re-wrap failed for a channel');
    expect(logs).toContain(broken);
    for (const secret of ['tok-one', 'tok-two', 'tok-three', STRANGER.split(':')[1]!]) {
      expect(logs).not.toContain(secret);
    }
    const status = await fetch(`${host.url}/internal/channels/vault-status`, {
      headers: { [SERVICE_TOKEN_HEADER]: host.internalToken, [TENANT_HEADER]: admin.agencyId },
    });
    expect(await status.json()).toMatchObject({ rewrapped: 2, failed: 1, failedChannelIds: [broken] });
  });
  it('re-wraps two-factor secrets past one it cannot open, and reports it by member id (no secret logged)', async () => {
    const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    /** A member of a new agency whose TOTP secret is sealed under `keys`' active key. */
    const memberWithTwoFactor = async (keys: string): Promise<string> => {
      const answer = await signUpAndSignIn(api, {
        body: {
          agencyName: 'Agency',
          workspaceName: 'Brand',
          name: 'Totp',
          email: `totp-${randomUUID()}@example.test`,
          password: 'correct horse battery',
        },
      });
      const { agencyId, userId } = answer.body as unknown as { agencyId: string; userId: string };
      const sealed = createTokenVault(keys).seal(
        JSON.stringify({ secret: TOTP_SECRET, pendingSecret: null }),
        totpBinding(agencyId, userId),
      );
      await host.sql(`UPDATE gateway.member SET totp_sealed = $2 WHERE id = $1`, [
        userId,
        JSON.stringify(sealed),
      ]);
      return userId;
    };
    // Member ids are time-ordered: the pass meets the bad row between the two good ones.
    const first = await memberWithTwoFactor(K1);
    const broken = await memberWithTwoFactor(STRANGER);
    const last = await memberWithTwoFactor(K1);
    const report: TwoFactorSealReport = await host.gateway.app
      .get(CommandBus)
      .execute(new SealTwoFactorSecretsCommand(1));
    expect(report).toEqual({ sealed: 2, failedMemberIds: [broken] });
    const keys = await host.sql<{ id: string; key: string }>(
      `SELECT id, totp_sealed->>'keyId' AS key FROM gateway.member WHERE id = ANY($1)`,
      [[first, broken, last]],
    );
    expect(Object.fromEntries(keys.map((k) => [k.id, k.key]))).toEqual({
      [first]: 'k2',
      [broken]: 'k9',
      [last]: 'k2',
    });
    const logs = host.logs.join('\n');
    expect(logs).toContain('vault re-wrap failed for a two-factor secret');
    expect(logs).toContain(broken);
    expect(logs).not.toContain(TOTP_SECRET);
    const status = await fetch(`${host.url}/internal/channels/vault-status`, {
      headers: { [SERVICE_TOKEN_HEADER]: host.internalToken, [TENANT_HEADER]: admin.agencyId },
    });
    expect(await status.json()).toMatchObject({
      twoFactor: { rewrapped: 2, failed: 1, failedMemberIds: [broken] },
    });
  });

  it('seals webhook signing secrets past one it cannot open, and names the one left behind', async () => {
    const webhookRow = async (keys: string): Promise<string> => {
      const id = randomUUID();
      const sealed = createTokenVault(keys).seal('whsec_test', {
        tenantId: admin.agencyId,
        subject: 'notification-webhook',
        subjectId: id,
      });
      await host.sql(
        `INSERT INTO gateway.notification_webhook
           (id, tenant_id, url, kinds, description, created_at, created_by, secret_sealed)
         VALUES ($1, $2, 'https://hooks.example.test/x', '{}', NULL, now(), $3, $4)`,
        [id, admin.agencyId, admin.userId, JSON.stringify(sealed)],
      );
      return id;
    };
    const good = await webhookRow(K1);
    const broken = await webhookRow(STRANGER);
    const later = await webhookRow(K1);
    const error = await host.gateway.app
      .get(CommandBus)
      .execute(new SealWebhookSecretsCommand(1))
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain(broken);
    expect((error as Error).message).not.toContain('whsec_test');
    const keys = await host.sql<{ id: string; key: string }>(
      `SELECT id, secret_sealed->>'keyId' AS key FROM gateway.notification_webhook WHERE id = ANY($1)`,
      [[good, broken, later]],
    );
    expect(Object.fromEntries(keys.map((k) => [k.id, k.key]))).toEqual({
      [good]: 'k2',
      [broken]: 'k9',
      [later]: 'k2',
    });
  });
});
