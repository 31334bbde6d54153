import { invalidParameter } from './graph-fake-errors.js';
import type { GraphFakeRequest, GraphFakeResponse } from './fake-router.js';

export interface PendingCode {
  readonly subject: string;
  readonly redirectUri: string;
  readonly scopes: string[];
  used: boolean;
}

/**
 * A consent screen the test's "browser" approves at once: a redirect to `redirect_uri` with a one-time code
 * and the state echoed; a login page when nobody is signed in; 400 for a wrong app id.
 */
export function consentRedirect(
  request: GraphFakeRequest,
  appId: string,
  subject: string | undefined,
  codes: Map<string, PendingCode>,
  declined: readonly string[] = [],
): GraphFakeResponse {
  const { client_id: clientId, redirect_uri: redirectUri, state, scope } = request.params;
  if (clientId !== appId || !redirectUri) {
    return invalidParameter('Invalid App ID or redirect_uri');
  }
  if (!subject) {
    return { status: 200, text: '<html><body>Log in</body></html>', contentType: 'text/html' };
  }
  const code = `code-${Math.random().toString(36).slice(2)}`;
  const scopes = (scope ?? '').split(',').filter((item) => item && !declined.includes(item));
  codes.set(code, { subject, redirectUri, scopes, used: false });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (state) {
    target.searchParams.set('state', state);
  }
  return { status: 302, headers: { location: target.toString() }, text: '' };
}

/** Redeems a code once, for the redirect URI it was issued to. */
export function redeemCode(
  codes: Map<string, PendingCode>,
  code: string | undefined,
  redirectUri: string | undefined,
): PendingCode | undefined {
  const found = codes.get(code ?? '');
  if (!found || found.used || found.redirectUri !== redirectUri) {
    return undefined;
  }
  found.used = true;
  return found;
}
