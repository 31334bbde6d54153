import {
  InvalidContentError,
  ReauthRequiredError,
  z,
  type AuthCapability,
  type Credentials,
  SharedCalls,
} from '@chorus/connector-sdk';
import { isOrganization } from '../api/urn.js';
import { LINKEDIN_SCOPES } from '../config.js';
import type { LinkedinDeps } from '../linkedin-deps.js';
import { requestToken, type TokenAnswer } from './token-endpoint.js';

const userinfo = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  picture: z.string().optional(),
});
const acls = z.object({
  elements: z.array(z.object({ role: z.string(), organization: z.string(), state: z.string().optional() })),
});
const organization = z.object({ localizedName: z.string(), vanityName: z.string().optional() });
const POSTING_ROLES = ['ADMINISTRATOR', 'CONTENT_ADMIN', 'DIRECT_SPONSORED_CONTENT_POSTER'];

/**
 * 3-legged OAuth 2.0 (network-apis.md 6.2): 60-day access tokens; refresh tokens for approved partners only,
 * valid 365 days from the first consent and never extended by a refresh.
 */
export function createLinkedinAuth(deps: LinkedinDeps): AuthCapability {
  const { config, context } = deps;
  const refreshing = new SharedCalls<Credentials>();

  const credentialsOf = (
    accountId: string,
    token: TokenAnswer,
    extra: Record<string, string>,
  ): Credentials => {
    const now = context.clock.now().getTime();
    return {
      accountId,
      accessToken: token.access_token,
      ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
      expiresAt: new Date(now + token.expires_in * 1000).toISOString(),
      scopes: token.scope ? token.scope.split(/[ ,]/u).filter(Boolean) : undefined,
      extra: {
        ...extra,
        ...(token.refresh_token_expires_in === undefined
          ? {}
          : { refreshTokenExpiresAt: new Date(now + token.refresh_token_expires_in * 1000).toISOString() }),
      },
    };
  };

  return {
    oauth2: {
      start(request) {
        const url = new URL('/oauth/v2/authorization', config.authUrl);
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: config.clientId,
          redirect_uri: request.redirectUri,
          state: request.state,
          scope: (request.scopes?.length ? request.scopes : LINKEDIN_SCOPES).join(' '),
        }).toString();
        const organizationId = request.params?.organizationId?.trim();
        if (organizationId && !/^\d+$/u.test(organizationId)) {
          return Promise.reject(
            new InvalidContentError('organizationId must be the numeric id of the page', [
              {
                path: ['params', 'organizationId'],
                code: 'invalid-setting',
                message: 'a number, such as 2414183',
              },
            ]),
          );
        }
        const pending: Record<string, string> = organizationId ? { organizationId } : {};
        return Promise.resolve({ url: url.toString(), pending });
      },
      async exchange(request) {
        const token = await requestToken(deps, 'auth.exchange', {
          grant_type: 'authorization_code',
          code: request.code,
          redirect_uri: request.redirectUri,
        });
        const api = deps.apiWith(token.access_token);
        const person = await api.json(
          {
            operation: 'auth.exchange',
            endpoint: 'userinfo',
            freshToken: true,
            path: '/v2/userinfo',
            url: new URL('/v2/userinfo', config.apiUrl).toString(),
          },
          (value) => userinfo.parse(value),
        );
        const personUrn = `urn:li:person:${person.sub}`;
        const organizationId = request.pending.organizationId;
        if (!organizationId) {
          return credentialsOf(personUrn, token, { personUrn });
        }
        const orgUrn = `urn:li:organization:${organizationId}`;
        const roles = await api.json(
          {
            operation: 'auth.exchange',
            endpoint: 'organizationAcls.read',
            freshToken: true,
            path: '/rest/organizationAcls?q=roleAssignee&state=APPROVED',
          },
          (value) => acls.parse(value),
        );
        const role = roles.elements.find(
          (element) => element.organization === orgUrn && POSTING_ROLES.includes(element.role),
        );
        if (!role) {
          throw new ReauthRequiredError(
            `${person.name ?? personUrn} has no posting role (ADMINISTRATOR or CONTENT_ADMIN) on page ${organizationId}; ask a page admin for one and connect again.`,
          );
        }
        return credentialsOf(orgUrn, token, { personUrn, role: role.role });
      },
    },

    refresh(credentials) {
      // Keyed by the token too: two workspaces that connected the same page hold different grants, and one
      // must never be handed the other's refreshed token. Without a refresh token the access token tells them apart.
      const grant = credentials.refreshToken ?? credentials.accessToken;
      return refreshing.run(`${credentials.accountId}\n${grant}`, async () => {
        const now = context.clock.now().getTime();
        const expiresAt = credentials.expiresAt
          ? Date.parse(credentials.expiresAt)
          : Number.POSITIVE_INFINITY;
        if (expiresAt - now > config.refreshBeforeSeconds * 1000) {
          return credentials;
        }
        if (!credentials.refreshToken) {
          throw new ReauthRequiredError(
            'This LinkedIn app has no refresh tokens (only approved partners get them): reconnect the account before its 60-day token expires.',
          );
        }
        const refreshEnds = credentials.extra?.refreshTokenExpiresAt;
        if (refreshEnds && Date.parse(refreshEnds) <= now) {
          throw new ReauthRequiredError(
            'The LinkedIn refresh token reached its 365 days: the member must consent again.',
          );
        }
        const token = await requestToken(deps, 'auth.refresh', {
          grant_type: 'refresh_token',
          refresh_token: credentials.refreshToken,
        });
        const { refreshTokenExpiresAt: _old, ...extra } = credentials.extra ?? {};
        return credentialsOf(
          credentials.accountId,
          { refresh_token: credentials.refreshToken, ...token },
          extra,
        );
      });
    },

    async verify(credentials) {
      const api = deps.api(credentials);
      if (isOrganization(credentials.accountId)) {
        const id = credentials.accountId.split(':').pop()!;
        const org = await api.json(
          { operation: 'auth.verify', endpoint: 'organizations.read', path: `/rest/organizations/${id}` },
          (value) => organization.parse(value),
        );
        return {
          accountId: credentials.accountId,
          handle: org.vanityName ?? id,
          displayName: org.localizedName,
          url: `https://www.linkedin.com/company/${org.vanityName ?? id}`,
        };
      }
      const person = await api.json(
        {
          operation: 'auth.verify',
          endpoint: 'userinfo',
          path: '/v2/userinfo',
          url: new URL('/v2/userinfo', config.apiUrl).toString(),
        },
        (value) => userinfo.parse(value),
      );
      return {
        accountId: `urn:li:person:${person.sub}`,
        handle: person.name ?? person.sub,
        displayName: person.name ?? null,
        url: null,
        avatarUrl: person.picture ?? null,
      };
    },
  };
}
