import { CommandBus } from '@nestjs/cqrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  useBlueskyTestNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '@chorus/connector-bluesky/testing';
import {
  RefreshExpiringChannelsCommand,
  type SweepResult,
} from '../src/application/commands/refresh-expiring-channels/refresh-expiring-channels.command.js';
import { PURPOSE_HEADER, SERVICE_NAME_HEADER, SERVICE_TOKEN_HEADER, TENANT_HEADER } from '../src/index.js';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { HttpClient } from './support/http-client.js';
import { signUpAndSignIn } from './support/sign-up.js';

// App-password connections and token refresh against the real local Bluesky network (PLC, PDS, AppView), on
// the real PostgreSQL: the password is checked by the network before anything is stored, services get a
// working session from the credentials API, the sweep renews sessions once per channel even when two sweeps
// race (refresh tokens rotate), and a revoked session turns the channel reauth-required.

let network: BlueskyTestNetwork;
let account: TestAccount;
let host: GatewayWithChannels;
let client: HttpClient;
let admin: { token: string; agencyId: string; workspaceId: string };
let channelId: string;

interface Session {
  accountId: string;
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

const credentials = async (): Promise<{ status: number; session: Session }> => {
  const answer = await fetch(`${host.url}/internal/channels/${channelId}/credentials`, {
    headers: {
      [SERVICE_TOKEN_HEADER]: host.internalToken,
      [TENANT_HEADER]: admin.agencyId,
      [SERVICE_NAME_HEADER]: 'content',
      [PURPOSE_HEADER]: 'publish',
    },
  });
  const body = (await answer.json()) as { credentials: Session };
  return { status: answer.status, session: body.credentials };
};

const pds = (nsid: string, token: string, method = 'GET') =>
  fetch(`${network.pdsUrl}/xrpc/${nsid}`, { method, headers: { authorization: `Bearer ${token}` } });

const sweep = (): Promise<SweepResult> =>
  host.gateway.app.get(CommandBus).execute(new RefreshExpiringChannelsCommand(10 * 60_000));

const makeDue = () =>
  host.sql(`UPDATE gateway.channel SET token_expires_at = now() + interval '1 minute' WHERE id = $1`, [
    channelId,
  ]);

const events = async (type: string) =>
  (
    await host.sql<{ envelope: { type: string; payload: Record<string, unknown> } }>(
      `SELECT envelope FROM gateway.outbox ORDER BY id`,
    )
  )
    .map((r) => r.envelope)
    .filter((e) => e.type === type);

beforeAll(async () => {
  network = await useBlueskyTestNetwork();
  account = await createTestAccount(network, 'channel');
  host = await startGatewayWithChannels([
    {
      resolve: '@chorus/connector-bluesky',
      options: { serviceUrl: network.pdsUrl, resolvePds: false, video: 'pds', linkPreviews: false },
    },
  ]);
  client = new HttpClient(host.url);
  const signUp = await signUpAndSignIn(client, {
    body: {
      agencyName: 'Agency',
      workspaceName: 'Brand',
      name: 'Bo',
      email: `bo-${Date.now()}@example.test`,
      password: 'correct horse battery',
    },
  });
  expect(signUp.status).toBe(201);
  admin = signUp.body as unknown as typeof admin;
}, 240_000);

afterAll(async () => {
  await host?.close();
  await network?.release();
});

describe('connecting a Bluesky account with an app password', () => {
  it('refuses a wrong password or the account password, naming the field, and stores nothing', async () => {
    for (const password of ['wrong-password-1234', account.password]) {
      const refused = await client.call('POST', '/api/channels/app-password', {
        token: admin.token,
        body: { network: 'bluesky', identifier: account.handle, password },
      });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.problems).toEqual([expect.objectContaining({ field: 'password' })]);
      expect(JSON.stringify(refused.body)).not.toContain(password);
    }
    expect(await host.sql(`SELECT id FROM gateway.channel`)).toEqual([]);
    expect(await host.sql(`SELECT id FROM gateway.outbox`)).toEqual([]);
  });

  it('connects with the app password: channel connected, event with the DID, a working session for services', async () => {
    const connected = await client.call('POST', '/api/channels/app-password', {
      token: admin.token,
      body: { network: 'bluesky', identifier: account.handle, password: account.appPassword },
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    expect(connected.body).toMatchObject({
      network: 'bluesky',
      state: 'connected',
      account: { remoteId: account.did, handle: account.handle },
      tokenExpiresAt: expect.any(String) as unknown,
    });
    channelId = connected.body.id;
    const [event] = await events('ChannelConnected');
    expect(event!.payload).toMatchObject({ channelId, account: { remoteId: account.did } });

    const { status, session } = await credentials();
    expect(status).toBe(200);
    expect(session.accountId).toBe(account.did);
    const me = await pds('com.atproto.server.getSession', session.accessToken);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { did: string }).did).toBe(account.did);
    const stored = JSON.stringify(await host.sql(`SELECT * FROM gateway.channel`));
    expect(stored).not.toContain(session.accessToken);
    expect(stored).not.toContain(account.appPassword);
    expect(JSON.stringify(await host.sql(`SELECT * FROM gateway.outbox`))).not.toContain(session.accessToken);
  });
});

describe('refreshing before expiry', () => {
  it('renews a session about to expire once, even when two sweeps race', async () => {
    const before = (await credentials()).session;
    await makeDue();
    const results = await Promise.all([sweep(), sweep()]);
    expect(results.reduce((n, r) => n + r.refreshed, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.failed + r.reauthRequired, 0)).toBe(0);

    const after = (await credentials()).session;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect((await pds('com.atproto.server.getSession', after.accessToken)).status).toBe(200);
    // Without the row lock both sweeps would have spent the same refresh token (the PDS tolerates a reuse for a
    // grace period, other networks do not): one refreshed, the other found the channel no longer due.
    const [row] = await host.sql<{ token_expires_at: Date }>(
      `SELECT token_expires_at FROM gateway.channel WHERE id = $1`,
      [channelId],
    );
    expect(row!.token_expires_at.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(await sweep()).toEqual({ refreshed: 0, reauthRequired: 0, failed: 0 });
  });

  it('turns the channel reauth-required when the network refuses the refresh (session revoked)', async () => {
    const current = (await credentials()).session;
    expect((await pds('com.atproto.server.deleteSession', current.refreshToken, 'POST')).status).toBe(200);
    await makeDue();
    expect(await sweep()).toEqual({ refreshed: 0, reauthRequired: 1, failed: 0 });
    const listed = await client.call('GET', '/api/channels', { token: admin.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: channelId, state: 'reauth-required' })]);
    const lapses = await events('ChannelReauthRequired');
    expect(lapses).toHaveLength(1);
    expect(lapses[0]!.payload).toMatchObject({ channelId, reason: { code: 'token-expired' } });
    expect((await credentials()).status).toBe(409);
    expect(host.logs.join('\n')).not.toContain(current.refreshToken);
  });

  it('reconnects with the app password: connected again, same channel', async () => {
    const again = await client.call('POST', '/api/channels/app-password', {
      token: admin.token,
      body: { network: 'bluesky', identifier: account.handle, password: account.appPassword },
    });
    expect(again.body).toMatchObject({ id: channelId, state: 'connected' });
    expect((await credentials()).status).toBe(200);
  });
});
