import type { FakeRender } from './fake-render.js';
import type { AccountRecord, FakeState, StatusRecord } from './fake-state.js';
import { json, mastodonError, unauthorized, type FakeRequest, type FakeResponse } from './fake-router.js';

export interface RouteDeps {
  readonly state: FakeState;
  readonly render: FakeRender;
  readonly baseUrl: () => string;
  /** The account whose browser session approves /oauth/authorize. */
  readonly consentUser: () => AccountRecord | undefined;
  /** Every status created through the API, in order; idempotent replays are not added. */
  readonly published: StatusRecord[];
}

/** The signed-in account, or the error Mastodon answers: 401 without a valid token, 422 for an app-only token. */
export function currentAccount(
  deps: RouteDeps,
  request: FakeRequest,
  scope?: string,
): AccountRecord | FakeResponse {
  if (!request.token) {
    return unauthorized();
  }
  if (!request.token.accountId) {
    return mastodonError(422, 'This method requires an authenticated user');
  }
  if (scope && !hasScope(request.token.scopes, scope)) {
    return mastodonError(403, 'This action is outside the authorized scopes');
  }
  return deps.state.accounts.get(request.token.accountId) ?? unauthorized();
}

/** `write` grants `write:statuses`; the deprecated `follow` grants follow actions. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  const [family] = needed.split(':');
  return granted.includes(needed) || (family !== undefined && granted.includes(family));
}

export function isResponse(value: unknown): value is FakeResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FakeResponse).status === 'number' &&
    !('username' in value)
  );
}

export function validationFailed(message: string): FakeResponse {
  return json(422, { error: `Validation failed: ${message}` });
}

export function asArray(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map((item) => asString(item));
  }
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return [asString(value)];
}

/** A request parameter as text; anything else (a malformed form) becomes empty. */
export function asString(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

export function asBoolean(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}
