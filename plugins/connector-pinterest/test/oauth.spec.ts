import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, createOAuthState, createPkcePair, type Clock } from '@chorus/connector-sdk';
import { connectedPinterest, failureOf, type ConnectedPinterest } from './support/connected-pinterest.js';

const DAY_MS = 86_400_000;

describe('Pinterest OAuth and continuous refresh tokens (network-apis.md 9.1)', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    p = await connectedPinterest();
  });
  afterAll(() => p.close());

  it('asks for the publishing, board and account scopes, comma-separated, on www.pinterest.com/oauth/', async () => {
    const start = await p.connector.auth.oauth2!.start({
      redirectUri: 'https://chorus.test/cb',
      state: createOAuthState(),
      codeChallenge: createPkcePair().challenge,
    });
    const url = new URL(start.url);
    expect(url.pathname).toBe('/oauth/');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')).toBe(
      'boards:read,boards:write,pins:read,pins:write,user_accounts:read',
    );
  });

  it('keeps the access token expiry (~30 days), the refresh token and its own 60-day expiry', () => {
    const { credentials } = p;
    expect(credentials.accountId).toBe(p.setup.account.id);
    expect(Date.parse(credentials.expiresAt!) - Date.now()).toBeGreaterThan(29 * DAY_MS);
    expect(credentials.refreshToken).toMatch(/^pinr_/u);
    expect(Date.parse(credentials.extra!.refreshTokenExpiresAt!) - Date.now()).toBeGreaterThan(59 * DAY_MS);
    expect(credentials.scopes).toContain('pins:write');
  });

  it('a continuous refresh renews the refresh token; the exchanged one is not replayed', async () => {
    const first = await p.connect();
    const refreshed = await p.connector.auth.refresh!(first);
    expect(refreshed.refreshToken).not.toBe(first.refreshToken);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect((await p.connector.auth.verify(refreshed)).handle).toBe('chorusbrand');
    // A caller still holding the old refresh token gets what its exchange produced, without asking Pinterest.
    const tokenCalls = () => p.setup.fake.log.filter((entry) => entry.path === '/v5/oauth/token').length;
    const before = tokenCalls();
    expect(await p.connector.auth.refresh!(first)).toEqual(refreshed);
    expect(tokenCalls()).toBe(before);
  });

  it('a caller two refreshes behind gets the newest credentials, not ones whose token was renewed since', async () => {
    const first = await p.connect();
    const second = await p.connector.auth.refresh!(first);
    const third = await p.connector.auth.refresh!(second);
    const tokenCalls = () => p.setup.fake.log.filter((entry) => entry.path === '/v5/oauth/token').length;
    const before = tokenCalls();
    expect(await p.connector.auth.refresh!(first)).toEqual(third);
    expect(tokenCalls()).toBe(before);
  });

  it('concurrent refreshes of one account make one token call', async () => {
    const credentials = await p.connect();
    const before = p.setup.fake.log.filter((entry) => entry.path === '/v5/oauth/token').length;
    const [one, two] = await Promise.all([
      p.connector.auth.refresh!(credentials),
      p.connector.auth.refresh!(credentials),
    ]);
    expect(one).toEqual(two);
    expect(p.setup.fake.log.filter((entry) => entry.path === '/v5/oauth/token').length).toBe(before + 1);
  });

  it('an app created before 25 Sep 2025 sends continuous_refresh=true when configured, and is renewed only then', async () => {
    const legacy = await connectedPinterest({ continuousByDefault: false });
    try {
      const plain = await legacy.connector.auth.refresh!(legacy.credentials);
      expect(plain.refreshToken).toBe(legacy.credentials.refreshToken);
      const continuous = await legacy.connectorWith({ continuousRefresh: true });
      const renewed = await continuous.auth.refresh!(plain);
      expect(renewed.refreshToken).not.toBe(plain.refreshToken);
    } finally {
      await legacy.close();
    }
  });

  it('a revoked refresh token is reported as reauth-required', async () => {
    const other = await connectedPinterest();
    try {
      other.setup.fake.revokeAll(other.setup.account);
      const refused = await failureOf(other.connector.auth.refresh!(other.credentials));
      expect(classifyError(refused, 'auth.refresh').kind).toBe('reauth-required');
      expect(String(refused)).toMatch(/reconnect the account/u);
      const verify = await failureOf(other.connector.auth.verify(other.credentials));
      expect(classifyError(verify, 'auth.verify').kind).toBe('reauth-required');
    } finally {
      await other.close();
    }
  });

  it('a wrong client secret is reauth-required and names the app credentials to check', async () => {
    const misconfigured = await p.connectorWith({ clientSecret: 'not-the-secret' });
    const refused = await failureOf(misconfigured.auth.refresh!(await p.connect()));
    expect(classifyError(refused, 'auth.refresh').kind).toBe('reauth-required');
    expect(String(refused)).toContain('clientSecret');
  });

  it('a refresh token past its 60 days is reported as reauth-required without a call', async () => {
    const later: Clock = { now: () => new Date(Date.now() + 61 * DAY_MS), sleep: () => Promise.resolve() };
    const connector = await p.connectorWith({}, later);
    const credentials = await p.connect();
    const before = p.setup.fake.log.length;
    const refused = await failureOf(connector.auth.refresh!(credentials));
    expect(classifyError(refused, 'auth.refresh').kind).toBe('reauth-required');
    expect(String(refused)).toContain('60 days');
    expect(p.setup.fake.log.length).toBe(before);
  });
});
