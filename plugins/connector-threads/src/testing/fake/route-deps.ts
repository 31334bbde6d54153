import {
  expiredToken,
  invalidToken,
  missingPermission,
  type GraphFakeRequest,
  type GraphFakeResponse,
  type GraphFakeRouter,
} from '@chorus/meta-graph/testing';
import type { ThreadsState, TokenRecord } from './threads-state.js';

export interface FakeThreadsConfig {
  readonly appId: string;
  readonly appSecret: string;
  readonly videoPolls: number;
  readonly postQuota: number;
  readonly replyQuota: number;
}

export interface RouteDeps {
  readonly state: ThreadsState;
  readonly config: FakeThreadsConfig;
  baseUrl(): string;
  notify(userId: string, field: 'replies' | 'mentions', value: unknown): void;
}

export type Register = (router: GraphFakeRouter, deps: RouteDeps) => void;

export function authorize(
  deps: RouteDeps,
  request: GraphFakeRequest,
  scope?: string,
): TokenRecord | GraphFakeResponse {
  const record = request.token ? deps.state.tokens.get(request.token) : undefined;
  if (!record || record.revoked) {
    return invalidToken();
  }
  if (record.expiresAt !== undefined && record.expiresAt <= deps.state.now()) {
    return expiredToken();
  }
  return scope && !record.scopes.includes(scope) ? missingPermission(scope) : record;
}

export function isResponse(value: TokenRecord | GraphFakeResponse): value is GraphFakeResponse {
  return 'status' in value;
}
