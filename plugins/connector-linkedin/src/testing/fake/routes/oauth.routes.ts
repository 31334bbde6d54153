import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS } from '../fake-settings.js';
import type { Route, RouteContext } from '../fake-http.js';

const oauthError = (context: RouteContext, status: number, error: string, description: string) =>
  context.send(status, { error, error_description: description });

/** 3-legged OAuth 2.0 and OpenID userinfo (network-apis.md 6.2). */
export const oauthRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/oauth\/v2\/authorization$/u,
    versioned: false,
    bearer: false,
    handle(context) {
      const query = context.request.url.searchParams;
      const redirectUri = query.get('redirect_uri');
      if (query.get('client_id') !== context.settings.clientId || !redirectUri) {
        return oauthError(context, 400, 'invalid_request', 'client_id or redirect_uri is invalid');
      }
      if (query.get('response_type') !== 'code') {
        return oauthError(context, 400, 'unsupported_response_type', 'response_type must be code');
      }
      const member = context.settings.consenting;
      const redirect = new URL(redirectUri);
      const state = query.get('state');
      if (state !== null) {
        redirect.searchParams.set('state', state);
      }
      if (!member) {
        redirect.searchParams.set('error', 'user_cancelled_authorize');
        return context.send(302, undefined, { location: redirect.toString() });
      }
      const code = context.state.token();
      const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
      context.state.codes.set(code, { member, scopes, redirectUri });
      redirect.searchParams.set('code', code);
      context.send(302, undefined, { location: redirect.toString() });
    },
  },
  {
    method: 'POST',
    path: /^\/oauth\/v2\/accessToken$/u,
    versioned: false,
    bearer: false,
    handle(context) {
      if (!String(context.request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
        return oauthError(
          context,
          400,
          'invalid_request',
          'the body must be application/x-www-form-urlencoded',
        );
      }
      const form = new URLSearchParams(context.request.body.toString('utf8'));
      if (form.get('client_id') !== context.settings.clientId) {
        return oauthError(context, 401, 'invalid_client', 'Client authentication failed');
      }
      if (form.get('client_secret') !== context.settings.clientSecret) {
        return oauthError(context, 401, 'invalid_client', 'Client authentication failed');
      }
      const { state, now, settings } = context;
      if (form.get('grant_type') === 'authorization_code') {
        const grant = state.codes.get(form.get('code') ?? '');
        state.codes.delete(form.get('code') ?? '');
        if (!grant || grant.redirectUri !== form.get('redirect_uri')) {
          return oauthError(
            context,
            400,
            'invalid_request',
            'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.',
          );
        }
        const accessToken = state.token();
        state.tokens.set(accessToken, {
          member: grant.member,
          scopes: grant.scopes,
          expiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
          revoked: false,
          glitches: settings.freshTokenGlitches,
        });
        const body: Record<string, unknown> = {
          access_token: accessToken,
          expires_in: ACCESS_TOKEN_SECONDS,
          scope: grant.scopes.join(','),
        };
        if (settings.issueRefreshTokens) {
          const refreshToken = state.token();
          state.refreshTokens.set(refreshToken, {
            member: grant.member,
            scopes: grant.scopes,
            expiresAt: now + REFRESH_TOKEN_SECONDS * 1000,
          });
          body.refresh_token = refreshToken;
          body.refresh_token_expires_in = REFRESH_TOKEN_SECONDS;
        }
        return context.send(200, body);
      }
      if (form.get('grant_type') === 'refresh_token') {
        const refreshToken = form.get('refresh_token') ?? '';
        const grant = state.refreshTokens.get(refreshToken);
        if (!grant || grant.expiresAt <= now) {
          return oauthError(
            context,
            400,
            'invalid_request',
            'The provided authorization grant or refresh token is invalid, expired or revoked.',
          );
        }
        const accessToken = state.token();
        state.tokens.set(accessToken, {
          member: grant.member,
          scopes: grant.scopes,
          expiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
          revoked: false,
        });
        // The same refresh token, its lifetime counted from the original consent.
        return context.send(200, {
          access_token: accessToken,
          expires_in: ACCESS_TOKEN_SECONDS,
          refresh_token: refreshToken,
          refresh_token_expires_in: Math.floor((grant.expiresAt - now) / 1000),
          scope: grant.scopes.join(','),
        });
      }
      oauthError(
        context,
        400,
        'unsupported_grant_type',
        'grant_type must be authorization_code or refresh_token',
      );
    },
  },
  {
    method: 'GET',
    path: /^\/v2\/userinfo$/u,
    versioned: false,
    bearer: true,
    handle(context) {
      const { member } = context;
      context.send(200, {
        sub: member.id,
        name: member.name,
        email: member.email,
        email_verified: true,
        picture: `https://media.licdn.test/${member.id}.jpg`,
      });
    },
  },
];
