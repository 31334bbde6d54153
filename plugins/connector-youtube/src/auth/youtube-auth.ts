import {
  isConnectorError,
  ReauthRequiredError,
  z,
  type AuthCapability,
  type Credentials,
  type InvalidContentError,
  SharedCalls,
} from '@chorus/connector-sdk';
import { channelList, tokenResponse, type TokenResponse } from '../api/youtube-schemas.js';
import { YOUTUBE_SCOPES } from '../config.js';
import type { YoutubeDeps } from '../youtube-deps.js';

/**
 * Google OAuth 2.0 with PKCE (network-apis.md 8.1): `access_type=offline` and `prompt=consent` so that Google
 * issues a refresh token; access tokens last about an hour; the refresh token does not rotate and fails with
 * `invalid_grant` once revoked, unused for six months, or after 7 days for an app in "Testing" status.
 */
export function createYoutubeAuth(deps: YoutubeDeps): AuthCapability {
  const { config, api } = deps;
  const refreshing = new SharedCalls<Credentials>();
  const tokenUrl = `${config.tokenUrl.replace(/\/+$/u, '')}/token`;

  const token = (operation: 'auth.exchange' | 'auth.refresh', fields: Record<string, string>) =>
    api.call(
      {
        operation,
        endpoint: 'oauth2.token',
        method: 'POST',
        url: tokenUrl,
        form: new URLSearchParams({
          ...fields,
          client_id: config.clientId,
          client_secret: config.clientSecret,
        }),
      },
      tokenResponse,
    );

  const toCredentials = (accountId: string, answer: TokenResponse, previous?: Credentials): Credentials => ({
    accountId,
    accessToken: answer.access_token,
    // A refresh answer carries no refresh token: the one we have stays valid.
    refreshToken: answer.refresh_token ?? previous?.refreshToken,
    expiresAt: new Date(deps.context.clock.now().getTime() + answer.expires_in * 1000).toISOString(),
    scopes: answer.scope ? answer.scope.split(' ').filter(Boolean) : (previous?.scopes ?? []),
    ...(previous?.extra ? { extra: previous.extra } : {}),
  });

  const myChannel = async (accessToken: string, operation: 'auth.verify' | 'auth.exchange') => {
    const answer = await api.call(
      {
        operation,
        endpoint: 'channels.list',
        quota: 'channels.list',
        url: `${deps.dataUrl}/channels`,
        query: { part: 'id,snippet', mine: 'true' },
        token: accessToken,
      },
      channelList,
    );
    const channel = answer.items[0];
    if (!channel) {
      throw new ReauthRequiredError(
        'This Google account has no YouTube channel: create the channel on YouTube (or pick the brand account that owns it), then connect again.',
      );
    }
    return channel;
  };

  return {
    oauth2: {
      start(request) {
        const url = new URL('/o/oauth2/v2/auth', config.authUrl);
        url.search = new URLSearchParams({
          client_id: config.clientId,
          redirect_uri: request.redirectUri,
          response_type: 'code',
          scope: (request.scopes && request.scopes.length > 0 ? request.scopes : YOUTUBE_SCOPES).join(' '),
          access_type: 'offline',
          prompt: 'consent',
          include_granted_scopes: 'true',
          state: request.state,
          code_challenge: request.codeChallenge,
          code_challenge_method: 'S256',
        }).toString();
        return Promise.resolve({ url: url.toString(), pending: {} });
      },
      async exchange(request) {
        const answer = await token('auth.exchange', {
          grant_type: 'authorization_code',
          code: request.code,
          redirect_uri: request.redirectUri,
          code_verifier: request.codeVerifier,
        });
        if (!answer.refresh_token) {
          throw new ReauthRequiredError(
            'Google issued no refresh token, so the channel would disconnect within an hour: remove Chorus at myaccount.google.com/permissions and connect again.',
          );
        }
        const channel = await myChannel(answer.access_token, 'auth.exchange');
        const handle = channel.snippet?.customUrl ?? channel.snippet?.title ?? channel.id;
        return { ...toCredentials(channel.id, answer), extra: { handle } };
      },
    },

    refresh(credentials) {
      return refreshing.run(credentials.accountId, async () => {
        if (!credentials.refreshToken) {
          throw new ReauthRequiredError('No refresh token is stored for this channel: reconnect it.');
        }
        const answer = await token('auth.refresh', {
          grant_type: 'refresh_token',
          refresh_token: credentials.refreshToken,
        });
        return toCredentials(credentials.accountId, answer, credentials);
      });
    },

    async revoke(credentials) {
      // Revoking the refresh token also revokes the access tokens minted from it.
      const value = credentials.refreshToken ?? credentials.accessToken;
      try {
        await api.call(
          {
            operation: 'auth.revoke',
            endpoint: 'oauth2.revoke',
            method: 'POST',
            url: `${config.tokenUrl.replace(/\/+$/u, '')}/revoke`,
            form: new URLSearchParams({ token: value }),
            accept: [200],
          },
          z.unknown(),
        );
      } catch (error) {
        // Google answers 400 invalid_token for a token already revoked or expired: what revoke wanted is done.
        const alreadyGone =
          isConnectorError(error) &&
          error.kind === 'invalid-content' &&
          (error as InvalidContentError).issues.some((issue) => issue.code === 'youtube:invalid_token');
        if (!alreadyGone) {
          throw error;
        }
      }
    },

    async verify(credentials) {
      const channel = await myChannel(credentials.accessToken, 'auth.verify');
      const handle = channel.snippet?.customUrl ?? channel.snippet?.title ?? channel.id;
      return {
        accountId: channel.id,
        handle,
        displayName: channel.snippet?.title ?? null,
        url: `https://www.youtube.com/channel/${channel.id}`,
        avatarUrl: channel.snippet?.thumbnails?.default?.url ?? null,
      };
    },
  };
}
