import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReauthRequiredError, type Credentials } from '@chorus/connector-sdk';
import { sealCredentials } from '../src/application/channels/channel-credentials.mapper.js';
import {
  RefreshChannelCredentialsCommand,
  type RefreshOutcome,
} from '../src/application/commands/refresh-channel-credentials/refresh-channel-credentials.command.js';
import type { ChannelRepository } from '../src/application/ports/channel-repository.port.js';
import type { TokenVault } from '../src/application/ports/token-vault.port.js';
import {
  RefreshExpiringChannelsCommand,
  type SweepResult,
} from '../src/application/commands/refresh-expiring-channels/refresh-expiring-channels.command.js';
import { CHANNEL_REPOSITORY, TOKEN_VAULT } from '../src/gateway.tokens.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { signUpAndSignIn } from './support/sign-up.js';

// ADR 0018, on the real PostgreSQL: a refresh claims its row in one short transaction and writes back under a
// fence; the sweep takes the least recently attempted rows first; an expired token that cannot be renewed is
// flagged reauth-required. The Mastodon connector (tokens that never expire, no refresh) stands for a network
// that cannot renew.

const TTL_MS = 5 * 60_000;

describe('channel refresh claims and the sweep (PostgreSQL)', () => {
  let host: GatewayWithChannels;
  let channels: ChannelRepository;
  let agency: { agencyId: string; workspaceId: string; userId: string };

  /** A connected channel row as the gateway writes it; its token expires at `expiresAt`. */
  const channelRow = async (expiresAt: string): Promise<string> => {
    const id = randomUUID();
    await host.sql(
      `INSERT INTO gateway.channel (id, tenant_id, workspace_id, network, remote_account_id, handle,
         display_name, state, credentials, vault_key_id, connected_by_id, token_expires_at, created_at, updated_at)
       VALUES ($1::uuid, $2, $3, 'mastodon', $1::text, $1::text, $1::text, 'connected', '{"version":1}', 'k1', $4, ${expiresAt},
               date_trunc('milliseconds', now()), date_trunc('milliseconds', now()))`,
      [id, agency.agencyId, agency.workspaceId, agency.userId],
    );
    return id;
  };
  const ref = (channelId: string) => ({ tenantId: agency.agencyId, channelId });
  const sweep = (batchSize = 100): Promise<SweepResult> =>
    host.gateway.app.get(CommandBus).execute(new RefreshExpiringChannelsCommand(10 * 60_000, batchSize));

  beforeAll(async () => {
    host = await startGatewayWithChannels([{ resolve: '@chorus/connector-mastodon', options: {} }]);
    channels = host.gateway.app.get(CHANNEL_REPOSITORY, { strict: false });
    const api = new HttpClient(host.url);
    const signUp = await signUpAndSignIn(api, {
      body: {
        agencyName: 'Agency',
        workspaceName: 'Brand',
        name: 'Ada',
        email: `refresh-${Date.now()}@example.test`,
        password: 'correct horse battery',
      },
    });
    expect(signUp.status).toBe(201);
    agency = signUp.body as unknown as typeof agency;
  }, 60_000);

  afterAll(async () => {
    await host?.close();
  });

  it('lets exactly one of two concurrent refreshes claim a channel (two instances never refresh it twice)', async () => {
    const id = await channelRow(`now() + interval '1 minute'`);
    const due = new Date(Date.now() + 10 * 60_000);
    const claims = await Promise.all([
      channels.claimForRefresh(ref(id), due, TTL_MS),
      channels.claimForRefresh(ref(id), due, TTL_MS),
    ]);
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    // A live claim keeps the channel out of every sweep until it is released or outlives its time to live.
    expect((await channels.expiringBefore(due, 100, TTL_MS)).map((r) => r.channelId)).not.toContain(id);
    const claim = claims.find((c) => c !== null)!;
    await channels.releaseClaim(claim);
    expect((await channels.expiringBefore(due, 100, TTL_MS)).map((r) => r.channelId)).toContain(id);
    // A claim whose holder crashed is taken over once its time to live is over.
    await channels.claimForRefresh(ref(id), due, TTL_MS);
    expect(await channels.claimForRefresh(ref(id), due, TTL_MS)).toBeNull();
    expect(await channels.claimForRefresh(ref(id), due, 0)).not.toBeNull();
    await host.sql(`UPDATE gateway.channel SET refresh_claim_id = NULL WHERE id = $1`, [id]);
  });

  it('writes a refresh back only while its claim holds and nobody changed the channel (the fence)', async () => {
    const id = await channelRow(`now() + interval '1 minute'`);
    const due = new Date(Date.now() + 10 * 60_000);
    const stale = (await channels.claimForRefresh(ref(id), due, TTL_MS))!;
    // Meanwhile a member disconnects and reconnects the account: the row changed under the claim.
    await host.sql(`UPDATE gateway.channel SET updated_at = updated_at + interval '1 second' WHERE id = $1`, [
      id,
    ]);
    const { channel } = stale.stored;
    channel.refreshed({ scopes: ['read'], expiresAt: new Date(Date.now() + 3600_000) }, new Date());
    const sealed = { version: 1, keyId: 'k1' } as never;
    expect(await channels.saveRefreshed(stale, channel, sealed)).toBe(false);

    const id2 = await channelRow(`now() + interval '1 minute'`);
    const fresh = (await channels.claimForRefresh(ref(id2), due, TTL_MS))!;
    const c2 = fresh.stored.channel;
    const later = new Date(Date.now() + 3600_000);
    c2.refreshed({ scopes: ['read'], expiresAt: later }, new Date());
    expect(await channels.saveRefreshed(fresh, c2, sealed)).toBe(true);
    const [row] = await host.sql<{ token_expires_at: Date; refresh_claim_id: string | null }>(
      `SELECT token_expires_at, refresh_claim_id FROM gateway.channel WHERE id = $1`,
      [id2],
    );
    expect(new Date(row!.token_expires_at).getTime()).toBe(later.getTime());
    expect(row!.refresh_claim_id).toBeNull();
    // The claim is spent: writing again with it is fenced out.
    expect(await channels.saveRefreshed(fresh, c2, sealed)).toBe(false);
  });

  it('sweeps the least recently attempted channels first, so rows that keep failing cannot starve the rest', async () => {
    await host.sql(`UPDATE gateway.channel SET state = 'disconnected', credentials = NULL`);
    const failing = await channelRow(`now() + interval '1 minute'`);
    const waiting = await channelRow(`now() + interval '2 minutes'`);
    const due = new Date(Date.now() + 10 * 60_000);
    // The failing row was tried (and failed) a moment ago; the other one never.
    const tried = (await channels.claimForRefresh(ref(failing), due, TTL_MS))!;
    await channels.releaseClaim(tried);
    expect((await channels.expiringBefore(due, 1, TTL_MS)).map((r) => r.channelId)).toEqual([waiting]);
  });

  describe('a refresh that fails while the channel is reconnected', () => {
    /**
     * A connected channel with real sealed credentials, due for refresh; the network's refresh is held until
     * `fail()` and then refuses (reauth-required), as a network does for a refresh token that was replaced.
     */
    const heldRefresh = async () => {
      const vault = host.gateway.app.get<TokenVault>(TOKEN_VAULT, { strict: false });
      const id = randomUUID();
      const credentials = (token: string): Credentials => ({
        accountId: id,
        accessToken: token,
        refreshToken: `${token}-refresh`,
        scopes: ['read'],
      });
      const sealed = sealCredentials(vault, ref(id), credentials('old-token'));
      await host.sql(
        `INSERT INTO gateway.channel (id, tenant_id, workspace_id, network, remote_account_id, handle,
           display_name, state, credentials, vault_key_id, connected_by_id, token_expires_at, created_at, updated_at)
         VALUES ($1::uuid, $2, $3, 'mastodon', $1::text, $1::text, $1::text, 'connected', $4, $5, $6,
                 now() + interval '1 minute', date_trunc('milliseconds', now()), date_trunc('milliseconds', now()))`,
        [id, agency.agencyId, agency.workspaceId, JSON.stringify(sealed), sealed.keyId, agency.userId],
      );
      const auth = host.connectors.connector('mastodon').auth as { refresh?: unknown };
      let entered!: () => void;
      let fail!: () => void;
      const inFlight = new Promise<void>((resolve) => (entered = resolve));
      const held = new Promise<void>((resolve) => (fail = resolve));
      auth.refresh = async () => {
        entered();
        await held;
        throw new ReauthRequiredError('The refresh token is invalid');
      };
      const outcome: Promise<RefreshOutcome> = host.gateway.app
        .get(CommandBus)
        .execute(new RefreshChannelCredentialsCommand(ref(id), new Date(Date.now() + 10 * 60_000)));
      await inFlight;
      const reconnect = () => {
        const fresh = sealCredentials(vault, ref(id), credentials('new-token'));
        // As a reconnection writes it: new credentials, a later token expiry, a new updated_at.
        return host.sql(
          `UPDATE gateway.channel SET credentials = $2, token_expires_at = now() + interval '2 hours',
                  updated_at = updated_at + interval '1 second' WHERE id = $1`,
          [id, JSON.stringify(fresh)],
        );
      };
      const restore = () => delete auth.refresh;
      return { id, outcome, fail, reconnect, restore };
    };
    const stateOf = async (id: string) => {
      const [row] = await host.sql<{ state: string; refresh_claim_id: string | null }>(
        `SELECT state, refresh_claim_id FROM gateway.channel WHERE id = $1`,
        [id],
      );
      return row!;
    };
    const reauthEvents = async (id: string) => {
      const [row] = await host.sql<{ n: string }>(
        `SELECT count(*) AS n FROM gateway.outbox WHERE envelope->>'type' = 'ChannelReauthRequired'
            AND envelope->'payload'->>'channelId' = $1`,
        [id],
      );
      return Number(row!.n);
    };

    it('leaves the reconnected channel connected (the claim is checked before marking)', async () => {
      const held = await heldRefresh();
      try {
        await held.reconnect();
        held.fail();
        expect(await held.outcome).toBe('fenced');
      } finally {
        held.restore();
      }
      expect(await stateOf(held.id)).toEqual({ state: 'connected', refresh_claim_id: null });
      expect(await reauthEvents(held.id)).toBe(0);
      expect(host.logs.join('\n')).toContain('the channel changed meanwhile: not flagged');
    });

    it('still flags the channel when nobody reconnected it', async () => {
      const held = await heldRefresh();
      try {
        held.fail();
        expect(await held.outcome).toBe('reauth-required');
      } finally {
        held.restore();
      }
      expect(await stateOf(held.id)).toEqual({ state: 'reauth-required', refresh_claim_id: null });
      expect(await reauthEvents(held.id)).toBe(1);
    });
  });

  it('flags an expired token that cannot be renewed reauth-required, with its event, once', async () => {
    await host.sql(`UPDATE gateway.channel SET state = 'disconnected', credentials = NULL`);
    const expired = await channelRow(`now() - interval '1 minute'`);
    const valid = await channelRow(`now() + interval '1 minute'`);
    expect(await sweep()).toEqual({ refreshed: 0, reauthRequired: 1, failed: 0 });
    const rows = await host.sql<{ id: string; state: string; state_reason: string }>(
      `SELECT id, state, state_reason FROM gateway.channel WHERE id = ANY($1) ORDER BY token_expires_at`,
      [[expired, valid]],
    );
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      [expired, 'reauth-required'],
      [valid, 'connected'],
    ]);
    expect(rows[0]!.state_reason).toMatch(/expired/i);
    const events = await host.sql<{ n: string }>(
      `SELECT count(*) AS n FROM gateway.outbox WHERE envelope->>'type' = 'ChannelReauthRequired'
          AND envelope->'payload'->>'channelId' = $1`,
      [expired],
    );
    expect(Number(events[0]!.n)).toBe(1);
    expect(await sweep()).toEqual({ refreshed: 0, reauthRequired: 0, failed: 0 });
  });
});
