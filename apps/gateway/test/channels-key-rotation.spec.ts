import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import {
  PURPOSE_HEADER,
  SERVICE_NAME_HEADER,
  SERVICE_TOKEN_HEADER,
  TENANT_HEADER,
  VaultKeyRing,
} from '../src/index.js';

/** Every credentials read names its service and purpose (audited, ADR 0018). */
const READER = { [SERVICE_NAME_HEADER]: 'content', [PURPOSE_HEADER]: 'publish' };
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { HttpClient } from './support/http-client.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Rotating the vault's master key without downtime (docs/adr/0013, 0014), on the real PostgreSQL: a gateway
// started with the new key first re-wraps every stored credential by itself, the old key can then go, and the
// credentials still open and work on the network.

const K1 = VaultKeyRing.generateEntry('k1');
const K2 = VaultKeyRing.generateEntry('k2');
let fake: MastodonFake;
const gateways: GatewayWithChannels[] = [];
let agencyId: string;
let channelId: string;
let adminToken: string;

const mastodon = [{ resolve: '@chorus/connector-mastodon', options: {} }];

const keyIds = async (host: GatewayWithChannels) =>
  (await host.sql<{ vault_key_id: string }>(`SELECT vault_key_id FROM gateway.channel`)).map(
    (r) => r.vault_key_id,
  );

beforeAll(async () => {
  fake = await MastodonFake.start();
  fake.createAccount('brand');
  const first = await startGatewayWithChannels(mastodon, { vaultKeys: K1 });
  gateways.push(first);
  const client = new HttpClient(first.url);
  const signUp = await signUpAndSignIn(client, {
    body: {
      agencyName: 'Agency',
      workspaceName: 'Brand',
      name: 'Ada',
      email: `ada-${Date.now()}@example.test`,
      password: 'correct horse battery',
    },
  });
  agencyId = signUp.body.agencyId as string;
  adminToken = signUp.body.token;
  const started = await client.call('POST', '/api/channels/oauth/start', {
    token: signUp.body.token,
    body: { network: 'mastodon', params: { instanceUrl: fake.url } },
  });
  const consent = await fetch(started.body.authorizeUrl as string, { redirect: 'manual' });
  const callback = new URL(consent.headers.get('location')!);
  const connected = await client.call('GET', `${callback.pathname}${callback.search}`);
  expect(connected.status).toBe(200);
  channelId = connected.body.id;
}, 60_000);

afterAll(async () => {
  for (const host of gateways.reverse()) {
    await host.close();
  }
  await fake?.close();
});

describe('master key rotation', () => {
  it('re-wraps under the new key at start, after which the old key can be dropped', async () => {
    const [first] = gateways;
    expect(await keyIds(first!)).toEqual(['k1']);
    const sealedBefore = await first!.sql<{ credentials: { ciphertext: string } }>(
      `SELECT credentials FROM gateway.channel`,
    );

    const rotating = await startGatewayWithChannels(mastodon, {
      vaultKeys: `${K2},${K1}`,
      database: first!.database,
    });
    gateways.push(rotating);
    const deadline = Date.now() + 10_000;
    while ((await keyIds(rotating))[0] !== 'k2' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await keyIds(rotating)).toEqual(['k2']);
    // Only the data key was re-wrapped: the secret's own ciphertext is the same bytes.
    const sealedAfter = await rotating.sql<{ credentials: { ciphertext: string } }>(
      `SELECT credentials FROM gateway.channel`,
    );
    expect(sealedAfter[0]!.credentials.ciphertext).toBe(sealedBefore[0]!.credentials.ciphertext);

    const rotated = await startGatewayWithChannels(mastodon, { vaultKeys: K2, database: first!.database });
    gateways.push(rotated);
    const answer = await fetch(`${rotated.url}/internal/channels/${channelId}/credentials`, {
      headers: { [SERVICE_TOKEN_HEADER]: rotated.internalToken, [TENANT_HEADER]: agencyId, ...READER },
    });
    expect(answer.status).toBe(200);
    const { credentials } = (await answer.json()) as { credentials: { accessToken: string } };
    const me = await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${credentials.accessToken}` },
    });
    expect(me.status).toBe(200);
  });

  it('refuses to open credentials under a key no longer configured, naming the key id, never the key', async () => {
    const stranger = await startGatewayWithChannels(mastodon, {
      vaultKeys: VaultKeyRing.generateEntry('k3'),
      database: gateways[0]!.database,
    });
    gateways.push(stranger);
    const answer = await fetch(`${stranger.url}/internal/channels/${channelId}/credentials`, {
      headers: { [SERVICE_TOKEN_HEADER]: stranger.internalToken, [TENANT_HEADER]: agencyId, ...READER },
    });
    expect(answer.status).toBe(500);
    expect(stranger.logs.join('\n')).toContain('master key \\"k2\\", which is not configured');
    expect(stranger.logs.join('\n')).not.toContain(K2.split(':')[1]);
  });
});

describe('two connections of one account racing', () => {
  it('end with one channel: the loser reconnects it or gets 409, never a 500 or a second row', async () => {
    const [first] = gateways;
    fake.createAccount('racer');
    fake.consentAs('racer');
    const client = new HttpClient(first!.url);
    const callbacks = await Promise.all(
      [1, 2].map(async () => {
        const started = await client.call('POST', '/api/channels/oauth/start', {
          token: adminToken,
          body: { network: 'mastodon', params: { instanceUrl: fake.url } },
        });
        const consent = await fetch(started.body.authorizeUrl as string, { redirect: 'manual' });
        const location = new URL(consent.headers.get('location')!);
        return `${location.pathname}${location.search}`;
      }),
    );
    const answers = await Promise.all(callbacks.map((path) => client.call('GET', path)));
    for (const answer of answers) {
      expect([200, 409], JSON.stringify(answer.body)).toContain(answer.status);
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const rows = await first!.sql(`SELECT id FROM gateway.channel WHERE handle = 'racer'`);
    expect(rows).toHaveLength(1);
  });
});
