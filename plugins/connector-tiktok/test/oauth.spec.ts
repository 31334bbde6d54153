import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyError,
  createConnectorContext,
  parseManifest,
  silentLogger,
  type Credentials,
} from '@chorus/connector-sdk';
import { tiktokConnector } from '../src/index.js';
import { connectedTikTok, rawCall, type ConnectedTikTok } from './support/connected-tiktok.js';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

// network-apis.md 7.8, bullet 6 (and 7.1).
describe('fixture note "Token refresh rotates refresh token; old refresh token → invalid_grant"', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it('the authorization URL carries comma-separated scopes and the state; credentials follow expires_in', async () => {
    t = await connectedTikTok();
    const start = await t.connector.auth.oauth2!.start({
      redirectUri: 'https://chorus.test/cb',
      state: 'st4te',
      codeChallenge: 'abc',
    });
    const url = new URL(start.url);
    expect(url.pathname).toBe('/v2/auth/authorize/');
    expect(url.searchParams.get('scope')).toBe(
      'user.info.basic,user.info.profile,user.info.stats,video.list,video.upload,video.publish',
    );
    expect(url.searchParams.get('state')).toBe('st4te');
    expect(url.searchParams.get('code_challenge')).toBeNull();
    const lifetime = Date.parse(t.credentials.expiresAt!) - Date.now();
    expect(lifetime).toBeGreaterThan(7190_000);
    expect(lifetime).toBeLessThanOrEqual(7200_000);
    expect(t.credentials.extra?.handle).toBe('chorusbrand');
    expect(t.credentials.accountId).toBe(t.setup.account.openId);
  });

  it('with pkce on, the challenge goes to authorize and the verifier to the token call', async () => {
    t = await connectedTikTok({}, { pkce: true });
    const again = await t.connect();
    expect((await t.connector.auth.verify(again)).accountId).toBe(t.setup.account.openId);
  });

  it('each refresh rotates the refresh token; replaying the old one is 400 invalid_grant, and reauth-required', async () => {
    t = await connectedTikTok();
    const first = t.credentials;
    const second = await t.connector.auth.refresh!(first);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await t.connector.auth.verify(second)).accountId).toBe(first.accountId);
    const replay = await rawCall(`${t.setup.fake.url}/v2/oauth/token/`, {
      ...form({
        client_key: 'tiktok-client-key',
        client_secret: 'tiktok-client-secret',
        grant_type: 'refresh_token',
        refresh_token: first.refreshToken!,
      }),
    });
    expect(replay.status).toBe(400);
    expect(replay.json).toMatchObject({ error: 'invalid_grant' });
    expect(typeof replay.json.log_id).toBe('string');
    // Another process (no memory of the exchange) replaying it learns the account must reconnect.
    const parsed = parseManifest(tiktokConnector.manifest);
    const other = await tiktokConnector.create(
      createConnectorContext({
        manifest: parsed.ok ? parsed.manifest : (undefined as never),
        config: t.setup.config,
        logger: silentLogger,
      }),
    );
    const error = await other.auth.refresh!(first).catch((caught: unknown) => caught);
    expect(classifyError(error, 'auth.refresh').kind).toBe('reauth-required');
    expect((error as Error).message).toContain('invalid_grant');
  });

  it('concurrent refreshes of one account exchange the refresh token once; a late caller gets that result', async () => {
    t = await connectedTikTok();
    const tokenCalls = () => t!.setup.fake.log.filter((entry) => entry.path === '/v2/oauth/token/').length;
    const before = tokenCalls();
    const [a, b] = await Promise.all([
      t.connector.auth.refresh!(t.credentials),
      t.connector.auth.refresh!(t.credentials),
    ]);
    expect(a).toEqual(b);
    const late = await t.connector.auth.refresh!(t.credentials);
    expect(late).toEqual(a);
    expect(tokenCalls() - before).toBe(1);
  });

  it('an expired access token is reauth-required; revoke ends the grant and only that grant', async () => {
    t = await connectedTikTok();
    const spare: Credentials = await t.connect();
    t.setup.fake.expire(spare.accessToken);
    const expired = await t.connector.auth.verify(spare).catch((caught: unknown) => caught);
    expect(classifyError(expired, 'auth.verify').kind).toBe('reauth-required');
    const other = await t.connect();
    await t.connector.auth.revoke!(other);
    const revoked = await t.connector.auth.verify(other).catch((caught: unknown) => caught);
    expect(classifyError(revoked, 'auth.verify').kind).toBe('reauth-required');
    const refresh = await t.connector.auth.refresh!(other).catch((caught: unknown) => caught);
    expect(classifyError(refresh, 'auth.refresh').kind).toBe('reauth-required');
    expect((await t.connector.auth.verify(t.credentials)).handle).toBe('chorusbrand');
  });

  it('a wrong client secret is refused as invalid_client, with advice to fix the configuration', async () => {
    t = await connectedTikTok();
    const parsed = parseManifest(tiktokConnector.manifest);
    const misconfigured = await tiktokConnector.create(
      createConnectorContext({
        manifest: parsed.ok ? parsed.manifest : (undefined as never),
        config: { ...t.setup.config, clientSecret: 'wrong' },
        logger: silentLogger,
      }),
    );
    const error = await misconfigured.auth.refresh!(t.credentials).catch((caught: unknown) => caught);
    expect(classifyError(error, 'auth.refresh').kind).toBe('reauth-required');
    expect((error as Error).message).toContain('invalid_client');
    expect((error as Error).message).toContain('fix the connector configuration');
  });
});
