import {
  expiredToken,
  graphError,
  invalidToken,
  missingPermission,
  type GraphFakeRequest,
  type GraphFakeResponse,
  type GraphFakeRouter,
} from '@chorus/meta-graph/testing';
import type { FacebookState, TokenRecord } from './facebook-state.js';

export interface FakeFacebookConfig {
  readonly appId: string;
  readonly appSecret: string;
  /** Status reads a video stays in processing. */
  readonly videoPolls: number;
  /** The largest video `source` taken in one request; larger files need the resumable upload (2.2). */
  readonly maxVideoRequestBytes: number;
  /** The chunk size a resumable upload session asks for (its start_offset/end_offset window). */
  readonly videoChunkBytes: number;
  /** Permissions the person declines on the consent screen. */
  readonly declined: readonly string[];
}

export interface WebhookChange {
  readonly pageId: string;
  readonly change?: { readonly field: string; readonly value: unknown };
  readonly messaging?: unknown;
}

export interface RouteDeps {
  readonly state: FacebookState;
  readonly config: FakeFacebookConfig;
  baseUrl(): string;
  /** The upload host `upload_url` names: https://rupload.facebook.com, as Meta answers (the fake's own upload
   * server listens elsewhere; a client must put the path on its configured upload host). */
  ruploadUrl(): string;
  version(): string;
  /** Queues a webhook change; the fake delivers queued changes batched per Page. */
  notify(change: WebhookChange): void;
}

export type Register = (router: GraphFakeRouter, deps: RouteDeps) => void;

/** The token of a request, or the error Graph answers: 190/463 expired, 190/467 invalid, 10 missing permission. */
export function authorize(
  deps: RouteDeps,
  request: GraphFakeRequest,
  need: { readonly scope?: string; readonly kind?: TokenRecord['kind'] } = {},
): TokenRecord | GraphFakeResponse {
  const checked = deps.state.check(request.token);
  if (checked === 'missing') {
    return graphError({
      code: 104,
      message: 'An access token is required to request this resource.',
      type: 'OAuthException',
    });
  }
  if (checked === 'invalid') {
    return invalidToken();
  }
  if (checked === 'expired') {
    return expiredToken();
  }
  if (need.kind && checked.kind !== need.kind) {
    return graphError({
      code: 190,
      message:
        need.kind === 'page'
          ? '(#190) This method must be called with a Page Access Token'
          : 'Invalid token type',
    });
  }
  if (need.scope && !checked.scopes.includes(need.scope)) {
    return missingPermission(need.scope);
  }
  return checked;
}

export function isResponse(value: TokenRecord | GraphFakeResponse): value is GraphFakeResponse {
  return 'status' in value;
}

/** Fields asked for with `fields=`, top level only (`comments.summary(true){id}` counts as comments). */
export function requestedFields(request: GraphFakeRequest): Set<string> | null {
  const raw = request.params.fields;
  if (!raw) {
    return null;
  }
  const names = new Set<string>();
  let depth = 0;
  let current = '';
  for (const char of raw) {
    if (char === '{' || char === '(') {
      depth += 1;
    }
    if (char === '}' || char === ')') {
      depth -= 1;
    }
    if (char === ',' && depth === 0) {
      names.add(current.split(/[.{]/u)[0]!.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current) {
    names.add(current.split(/[.{]/u)[0]!.trim());
  }
  return names;
}

/** Keeps the requested fields (and `id`, always returned). */
export function pick(object: Record<string, unknown>, fields: Set<string> | null): Record<string, unknown> {
  if (!fields) {
    return object;
  }
  return Object.fromEntries(Object.entries(object).filter(([key]) => key === 'id' || fields.has(key)));
}
