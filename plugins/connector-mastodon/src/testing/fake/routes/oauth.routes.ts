import { createHash, randomBytes } from 'node:crypto';
import type { FakeRouter } from '../fake-router.js';
import { json, mastodonError } from '../fake-router.js';
import { asString, type RouteDeps } from '../route-deps.js';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const CODE_LIFETIME_MS = 10 * 60 * 1000;

export function registerOAuthRoutes(router: FakeRouter, deps: RouteDeps): void {
  router.add('GET', '/oauth/authorize', (request) => {
    const query = request.query;
    const app = deps.state.appByClientId(query.get('client_id'));
    if (!app) {
      return mastodonError(
        401,
        'invalid_client',
        'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      );
    }
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!app.redirectUris.includes(redirectUri)) {
      return mastodonError(
        400,
        'invalid_redirect_uri',
        "The requested redirect uri is malformed or doesn't match client redirect URI.",
      );
    }
    if (query.get('response_type') !== 'code') {
      return mastodonError(
        400,
        'unsupported_response_type',
        'The authorization server does not support this response type.',
      );
    }
    const scopes = (query.get('scope') ?? 'read').split(/[\s+]+/u).filter(Boolean);
    const redirect = new URL(redirectUri === OOB ? `${deps.baseUrl()}/oauth/authorize/native` : redirectUri);
    const state = query.get('state');
    if (state !== null) {
      redirect.searchParams.set('state', state);
    }
    if (scopes.some((scope) => !app.scopes.includes(scope) && !app.scopes.includes(scope.split(':')[0]!))) {
      redirect.searchParams.set('error', 'invalid_scope');
      return { status: 302, headers: { location: redirect.toString() } };
    }
    const challenge = query.get('code_challenge');
    if (challenge !== null && query.get('code_challenge_method') !== 'S256') {
      return mastodonError(400, 'invalid_request', 'Code challenge method must be S256.');
    }
    const user = deps.consentUser();
    if (!user) {
      return mastodonError(401, 'unauthorized', 'You need to sign in before continuing.');
    }
    const code = randomBytes(24).toString('base64url');
    deps.state.codes.set(code, {
      code,
      appId: app.id,
      accountId: user.id,
      redirectUri,
      scopes,
      challenge,
      expiresAt: deps.state.now() + CODE_LIFETIME_MS,
      used: false,
    });
    redirect.searchParams.set('code', code);
    if (redirectUri === OOB) {
      return { status: 200, text: `<html><body><code>${code}</code></body></html>` };
    }
    return { status: 302, headers: { location: redirect.toString() } };
  });

  router.add('POST', '/oauth/token', (request) => {
    const params = request.params;
    const app = deps.state.appByClientId(params.client_id);
    if (!app || app.clientSecret !== params.client_secret) {
      return mastodonError(
        401,
        'invalid_client',
        'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      );
    }
    if (params.grant_type === 'client_credentials') {
      const scopes = (asString(params.scope) || 'read').split(/\s+/u).filter(Boolean);
      const token = deps.state.issueToken(null, app.id, scopes);
      return json(200, tokenBody(token.token, scopes, token.createdAt));
    }
    if (params.grant_type !== 'authorization_code') {
      return mastodonError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server.',
      );
    }
    const code = deps.state.codes.get(asString(params.code));
    const invalidGrant = () =>
      mastodonError(
        400,
        'invalid_grant',
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      );
    if (
      !code ||
      code.used ||
      code.appId !== app.id ||
      code.expiresAt < deps.state.now() ||
      code.redirectUri !== params.redirect_uri
    ) {
      return invalidGrant();
    }
    if (code.challenge !== null) {
      const verifier = asString(params.code_verifier);
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
        return invalidGrant();
      }
    }
    code.used = true;
    const token = deps.state.issueToken(code.accountId, app.id, code.scopes);
    return json(200, tokenBody(token.token, code.scopes, token.createdAt));
  });

  // RFC 7009: revoking answers 200 even for an unknown token; only a wrong client is refused.
  router.add('POST', '/oauth/revoke', (request) => {
    const params = request.params;
    const app = deps.state.appByClientId(params.client_id);
    if (!app || app.clientSecret !== params.client_secret) {
      return mastodonError(403, 'unauthorized_client', 'You are not authorized to revoke this token');
    }
    const token = deps.state.tokens.get(asString(params.token));
    if (token && token.appId === app.id && token.revokedAt === null) {
      token.revokedAt = deps.state.now();
    }
    return json(200, {});
  });
}

function tokenBody(
  accessToken: string,
  scopes: readonly string[],
  createdAt: number,
): Record<string, unknown> {
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    scope: scopes.join(' '),
    created_at: Math.floor(createdAt / 1000),
  };
}
