import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyError, createOAuthState, createPkcePair } from '@chorus/connector-sdk';
import { YOUTUBE_SCOPES } from '../src/index.js';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

const DAY = 86_400_000;

describe('YouTube OAuth (fixture notes 8.7)', () => {
  let yt: ConnectedYoutube;
  afterEach(() => yt.close());

  describe('in production status', () => {
    beforeEach(async () => {
      yt = await connectedYoutube();
    });

    it('asks for offline access with consent, every scope and an S256 challenge', async () => {
      const pkce = createPkcePair();
      const start = await yt.connector.auth.oauth2!.start({
        redirectUri: 'https://chorus.test/cb',
        state: createOAuthState(),
        codeChallenge: pkce.challenge,
      });
      const url = new URL(start.url);
      expect(url.pathname).toBe('/o/oauth2/v2/auth');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        access_type: 'offline',
        prompt: 'consent',
        response_type: 'code',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
        scope: YOUTUBE_SCOPES.join(' '),
      });
    });

    it('OAuth: expires_in ~3599 becomes an expiry an hour away; the channel is the account', () => {
      const expiresIn = Date.parse(yt.credentials.expiresAt!) - yt.setup.fake.now().getTime();
      expect(expiresIn).toBeGreaterThan(3590_000);
      expect(expiresIn).toBeLessThanOrEqual(3599_000);
      expect(yt.credentials.accountId).toBe(yt.setup.account.id);
      expect(yt.credentials.scopes).toEqual([...YOUTUBE_SCOPES]);
    });

    it('refresh keeps the refresh token (Google does not rotate it) and runs once for concurrent callers', async () => {
      const before = yt.setup.fake.log.filter((entry) => entry.path === '/token').length;
      const [first, second] = await Promise.all([
        yt.connector.auth.refresh!(yt.credentials),
        yt.connector.auth.refresh!(yt.credentials),
      ]);
      expect(yt.setup.fake.log.filter((entry) => entry.path === '/token').length).toBe(before + 1);
      expect(first).toBe(second);
      expect(first.refreshToken).toBe(yt.credentials.refreshToken);
      expect(first.accessToken).not.toBe(yt.credentials.accessToken);
      expect((await yt.connector.auth.verify(first)).accountId).toBe(yt.setup.account.id);
    });

    it('an expired access token is reauth-required until refreshed', async () => {
      yt.setup.fake.advance(3600_000);
      const error = await failure(yt.connector.auth.verify(yt.credentials));
      expect(classifyError(error, 'auth.verify').kind).toBe('reauth-required');
      const fresh = await yt.connector.auth.refresh!(yt.credentials);
      expect((await yt.connector.auth.verify(fresh)).accountId).toBe(yt.setup.account.id);
    });

    it('a revoked refresh token fails with invalid_grant as reauth-required', async () => {
      await yt.connector.auth.revoke!(yt.credentials);
      const error = classifyError(await failure(yt.connector.auth.refresh!(yt.credentials)), 'auth.refresh');
      expect(error.kind).toBe('reauth-required');
      expect(error.message).toContain('invalid_grant');
    });

    it('revoking a token Google already revoked is harmless', async () => {
      await yt.connector.auth.revoke!(yt.credentials);
      await yt.connector.auth.revoke!(yt.credentials);
      expect(
        yt.setup.fake.log.filter((entry) => entry.path === '/revoke').map((entry) => entry.status),
      ).toEqual([200, 400]);
    });

    it('a missing scope is reauth-required and says to grant every permission', async () => {
      const readOnly = await yt.connect(['https://www.googleapis.com/auth/youtube.readonly']);
      const error = classifyError(
        await failure(yt.connector.publish!(readOnly, yt.input('No upload scope'))),
        'publish',
      );
      expect(error.kind).toBe('reauth-required');
      expect(error.message).toMatch(/insufficientPermissions.*grant every permission/u);
      expect(yt.setup.fake.published()).toHaveLength(0);
    });
  });

  it('OAuth: invalid_grant after 7 days when the app is in testing mode', async () => {
    yt = await connectedYoutube({ testingMode: true });
    yt.setup.fake.advance(6 * DAY);
    await yt.connector.auth.refresh!(yt.credentials);
    yt.setup.fake.advance(1.5 * DAY);
    const error = classifyError(await failure(yt.connector.auth.refresh!(yt.credentials)), 'auth.refresh');
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toMatch(/Testing.*7 days/u);
  });
});
