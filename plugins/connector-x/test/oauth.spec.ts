import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, type Credentials } from '@chorus/connector-sdk';
import { connectedX, rawCall, type ConnectedX } from './support/connected-x.js';

// network-apis.md 5.8, bullet 7: 2-hour tokens, refresh only with offline.access, rotation, Basic auth.
describe('X OAuth 2 (fixture notes 5.8)', () => {
  let x: ConnectedX | undefined;
  afterEach(() => x?.close());

  const expired = (credentials: Credentials): Credentials => ({
    ...credentials,
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });

  it('issues a 2-hour access token (expires_in 7200) and a refresh token only with offline.access', async () => {
    x = await connectedX();
    const lifetime = Date.parse(x.credentials.expiresAt!) - Date.now();
    expect(lifetime).toBeGreaterThan(7190_000);
    expect(lifetime).toBeLessThanOrEqual(7200_000);
    expect(x.credentials.refreshToken).toBeDefined();
    expect(x.credentials.scopes).toContain('offline.access');
    const online = await x.connect(['tweet.read', 'users.read', 'tweet.write']);
    expect(online.refreshToken).toBeUndefined();
    const error = await x.connector.auth.refresh!(expired(online)).catch((caught: unknown) => caught);
    expect(classifyError(error, 'auth.refresh').kind).toBe('reauth-required');
  });

  it('each refresh returns a new refresh token; the old one is then refused with 400 invalid_request', async () => {
    x = await connectedX();
    const first = x.credentials;
    const second = await x.connector.auth.refresh!(expired(first));
    expect(second.refreshToken).toBeDefined();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await x.connector.auth.verify(second)).accountId).toBe(first.accountId);
    const basic = `Basic ${Buffer.from('x-client-id:x-client-secret').toString('base64')}`;
    const replay = await rawCall(`${x.setup.fake.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basic },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: first.refreshToken!,
        client_id: 'x-client-id',
      }),
    });
    expect(replay.status).toBe(400);
    expect(replay.json).toMatchObject({ error: 'invalid_request' });
    // The replay revoked the whole family, as X is reported to do: a person must reconnect.
    const error = await x.connector.auth.verify(second).catch((caught: unknown) => caught);
    expect(classifyError(error, 'auth.verify').kind).toBe('reauth-required');
  });

  it('refreshes of one account run one at a time; a stale copy of used credentials never replays its token', async () => {
    x = await connectedX();
    const stale = expired(x.credentials);
    const [a, b, c] = await Promise.all([
      x.connector.auth.refresh!(stale),
      x.connector.auth.refresh!(stale),
      x.connector.auth.refresh!(stale),
    ]);
    expect(a.accessToken).toBe(b.accessToken);
    expect(b.accessToken).toBe(c.accessToken);
    const later = await x.connector.auth.refresh!(stale);
    expect(later.accessToken).toBe(a.accessToken);
    expect((await x.connector.auth.verify(a)).accountId).toBe(a.accountId);
    expect(x.setup.fake.log.filter((entry) => entry.path === '/2/oauth2/token')).toHaveLength(2); // exchange + one refresh
  });

  it('refreshes whenever asked: at T-6 min and again at T-4 min with the same credentials, never the old tokens', async () => {
    x = await connectedX();
    const tokenCalls = () => x!.setup.fake.log.filter((entry) => entry.path === '/2/oauth2/token').length;
    const expiringIn = (minutes: number): Credentials => ({
      ...x!.credentials,
      expiresAt: new Date(Date.now() + minutes * 60_000).toISOString(),
    });
    const before = tokenCalls();
    // The gateway's sweep asks about 10 minutes ahead: a smaller margin of our own must not turn it down.
    const first = await x.connector.auth.refresh!(expiringIn(6));
    expect(tokenCalls()).toBe(before + 1);
    expect(first.accessToken).not.toBe(x.credentials.accessToken);
    expect(first.refreshToken).not.toBe(x.credentials.refreshToken);
    expect(Date.parse(first.expiresAt!) - Date.now()).toBeGreaterThan(7000_000);
    // A later sweep still holding the old copy gets the new tokens, without replaying the used refresh token.
    const second = await x.connector.auth.refresh!(expiringIn(4));
    expect(second.accessToken).toBe(first.accessToken);
    expect((await x.connector.auth.verify(second)).accountId).toBe(x.credentials.accountId);
    // The new credentials refresh in turn.
    const third = await x.connector.auth.refresh!({
      ...first,
      expiresAt: new Date(Date.now() + 240_000).toISOString(),
    });
    expect(tokenCalls()).toBe(before + 2);
    expect(third.accessToken).not.toBe(first.accessToken);
    expect((await x.connector.auth.verify(third)).accountId).toBe(x.credentials.accountId);
  });

  it('a refresh without HTTP Basic for a confidential client is refused with 401', async () => {
    x = await connectedX();
    const response = await rawCall(`${x.setup.fake.url}/2/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: x.credentials.refreshToken!,
        client_id: 'x-client-id',
      }),
    });
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ error_description: 'Missing valid authorization header' });
    // The refresh token was not consumed by the refused call.
    expect((await x.connector.auth.refresh!(expired(x.credentials))).refreshToken).toBeDefined();
  });

  it('an expired access token is reauth-required, and a refresh brings the account back', async () => {
    x = await connectedX();
    x.setup.fake.expire(x.credentials.accessToken);
    const error = await x.connector.auth.verify(x.credentials).catch((caught: unknown) => caught);
    expect(classifyError(error, 'auth.verify').kind).toBe('reauth-required');
    const refreshed = await x.connector.auth.refresh!(expired(x.credentials));
    expect((await x.connector.auth.verify(refreshed)).handle).toBe('chorusbrand');
  });
});
