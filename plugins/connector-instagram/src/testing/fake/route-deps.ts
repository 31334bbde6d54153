import {
  expiredToken,
  graphError,
  invalidToken,
  missingPermission,
  type GraphFakeRequest,
  type GraphFakeResponse,
  type GraphFakeRouter,
} from '@chorus/meta-graph/testing';
import type { Host, InstagramState, TokenRecord } from './instagram-state.js';

export interface FakeInstagramConfig {
  readonly instagramAppId: string;
  readonly instagramAppSecret: string;
  readonly facebookAppId: string;
  readonly facebookAppSecret: string;
  /** Status reads a video container stays IN_PROGRESS. */
  readonly videoPolls: number;
  /** API posts per rolling 24 h (quota_total). */
  readonly quotaTotal: number;
}

export interface RouteDeps {
  readonly state: InstagramState;
  readonly config: FakeInstagramConfig;
  readonly host: Host;
  baseUrl(): string;
  notify(accountId: string, change: { field: string; value: unknown }): void;
}

export type Register = (router: GraphFakeRouter, deps: RouteDeps) => void;

/** The token of a request on this host, or Graph's refusal (190 invalid/expired, 10 missing permission). */
export function authorize(
  deps: RouteDeps,
  request: GraphFakeRequest,
  scope?: string,
): TokenRecord | GraphFakeResponse {
  const record = request.token ? deps.state.tokens.get(request.token) : undefined;
  const hostOk = record && (deps.host === 'instagram') === record.kind.startsWith('ig');
  if (!record || record.revoked || !hostOk) {
    return invalidToken();
  }
  if (record.expiresAt !== undefined && record.expiresAt <= deps.state.now()) {
    return expiredToken();
  }
  if (
    scope &&
    !record.scopes.some(
      (granted) => granted === scope || granted === scope.replace('instagram_business_', 'instagram_'),
    )
  ) {
    return missingPermission(scope);
  }
  return record;
}

export function isResponse(value: TokenRecord | GraphFakeResponse): value is GraphFakeResponse {
  return 'status' in value;
}

/** The acting Instagram account of a token, or an error when it acts as none. */
export function actor(token: TokenRecord): string | GraphFakeResponse {
  return (
    token.accountId ??
    graphError({ code: 100, message: '(#100) This token does not act as an Instagram account' })
  );
}
