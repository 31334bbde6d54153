import {
  InvalidContentError,
  ReauthRequiredError,
  type AccountProfile,
  type AuthCapability,
  type Credentials,
} from '@chorus/connector-sdk';
import { accountKey, accountRef } from '../api/account-ref.js';
import type { MastodonAccount, MastodonToken } from '../api/entities.js';
import { MastodonApi } from '../api/mastodon-api.js';
import { MASTODON_SCOPES } from '../config.js';
import type { MastodonDeps } from '../mastodon-deps.js';
import { AppRegistrations } from './app-registrations.js';

/** OAuth 2 with PKCE against the person's own server. Mastodon tokens do not expire; they can be revoked. */
export function createMastodonAuth(deps: MastodonDeps): AuthCapability {
  const apps = new AppRegistrations(deps);
  return {
    oauth2: {
      async start(request) {
        const instanceUrl = request.params?.instanceUrl ?? deps.config.defaultInstanceUrl;
        if (!instanceUrl || !URL.canParse(instanceUrl)) {
          throw new InvalidContentError(
            'Enter the address of your Mastodon server, such as https://mastodon.social.',
            [
              {
                path: ['params', 'instanceUrl'],
                code: 'mastodon:instance-required',
                message: 'The server address is missing or not a URL.',
              },
            ],
          );
        }
        const origin = new URL(instanceUrl).origin;
        const scopes = request.scopes && request.scopes.length > 0 ? request.scopes : MASTODON_SCOPES;
        const app = await apps.forInstance(origin, request.redirectUri, scopes);
        const url = new URL('/oauth/authorize', origin);
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: app.clientId,
          redirect_uri: request.redirectUri,
          scope: scopes.join(' '),
          state: request.state,
          code_challenge: request.codeChallenge,
          code_challenge_method: 'S256',
        }).toString();
        return {
          url: url.toString(),
          pending: { instanceUrl: origin, clientId: app.clientId, clientSecret: app.clientSecret },
        };
      },

      async exchange(request) {
        const { instanceUrl, clientId, clientSecret } = request.pending;
        if (!instanceUrl || !clientId || !clientSecret) {
          throw new ReauthRequiredError(
            'The pending Mastodon authorization is incomplete; start connecting again.',
          );
        }
        const anonymous = deps.anonymous(instanceUrl);
        const token = await anonymous
          .call<MastodonToken>({
            operation: 'auth.exchange',
            endpoint: 'oauth.token',
            method: 'POST',
            path: '/oauth/token',
            json: {
              grant_type: 'authorization_code',
              code: request.code,
              client_id: clientId,
              client_secret: clientSecret,
              redirect_uri: request.redirectUri,
              code_verifier: request.codeVerifier,
            },
            anonymous: true,
          })
          .catch((error: unknown) => {
            // invalid_grant comes back as 400: the code is used, expired or the verifier is wrong.
            if ((error as { kind?: string }).kind === 'invalid-content') {
              throw new ReauthRequiredError(
                'Mastodon refused the authorization code; connect the account again.',
                { cause: error },
              );
            }
            throw error;
          });
        const api = new MastodonApi(
          deps.context.http,
          deps.context.clock,
          instanceUrl,
          token.body.access_token,
        );
        const account = await me(api);
        return {
          accountId: accountKey(account.id, instanceUrl),
          accessToken: token.body.access_token,
          scopes: token.body.scope.split(/\s+/u).filter(Boolean),
          extra: { instanceUrl, clientId, clientSecret, username: account.acct },
        };
      },
    },

    async revoke(credentials) {
      const { instanceUrl } = accountRef(credentials);
      await deps.anonymous(instanceUrl).call({
        operation: 'auth.revoke',
        endpoint: 'oauth.revoke',
        method: 'POST',
        path: '/oauth/revoke',
        json: {
          client_id: credentials.extra?.clientId,
          client_secret: credentials.extra?.clientSecret,
          token: credentials.accessToken,
        },
        anonymous: true,
      });
    },

    async verify(credentials: Credentials): Promise<AccountProfile> {
      const account = await me(deps.api(credentials));
      return {
        accountId: accountKey(account.id, accountRef(credentials).instanceUrl),
        handle: account.acct,
        displayName: account.display_name || null,
        url: account.url,
        avatarUrl: account.avatar ?? null,
      };
    },
  };
}

async function me(api: MastodonApi): Promise<MastodonAccount> {
  const { body } = await api.call<MastodonAccount>({
    operation: 'auth.verify',
    endpoint: 'accounts.verify',
    path: '/api/v1/accounts/verify_credentials',
  });
  return body;
}
