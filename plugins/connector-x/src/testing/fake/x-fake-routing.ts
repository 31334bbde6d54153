import type { Exchange } from './x-fake-http.js';
import type { XFakeState } from './x-fake-state.js';
import type { XFakeWebhooks } from './x-fake-webhooks.js';

export interface XFakeConfig {
  readonly clientId: string;
  /** Set for a confidential client: token calls must then carry HTTP Basic client_id:client_secret. */
  readonly clientSecret: string | null;
  /** The consumer secret (API secret key) webhooks are signed with. */
  readonly consumerSecret: string;
  /** The `check_after_secs` media processing answers carry. */
  readonly checkAfterSecs: number;
  /** STATUS polls a video or GIF spends in each of pending and in_progress. */
  readonly processingPolls: number;
  readonly mediaExpiresAfterSecs: number;
  /** Self-serve tiers (2026): a reply must be summoned by the author of the post it answers. */
  readonly selfServe: boolean;
  readonly accessTokenSeconds: number;
}

export interface RouteDeps {
  readonly state: XFakeState;
  readonly config: XFakeConfig;
  readonly webhooks: XFakeWebhooks;
  /** The user whose browser consents on /i/oauth2/authorize. */
  signedInUserId(): string | undefined;
}

export interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** Rate-limit bucket (x-fake-rate-limits.ts). */
  readonly endpoint?: string;
  /** `user`: an OAuth 2 user access token is required. */
  readonly auth: 'user' | 'none';
  readonly scopes?: readonly string[];
  handle(exchange: Exchange, params: readonly string[]): void | Promise<void>;
}

/** `tweet.fields` in older documents, `post.fields` in newer: both are accepted. */
export function requestedFields(
  url: URL,
  name: 'tweet' | 'user' | 'media' | 'poll' | 'dm_event',
): Set<string> {
  const values = [
    url.searchParams.get(`${name}.fields`),
    name === 'tweet' ? url.searchParams.get('post.fields') : null,
  ];
  return new Set(
    values
      .filter((value): value is string => value !== null)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean),
  );
}
