import type { Exchange } from './pinterest-fake-http.js';
import type { PinterestFakeState } from './pinterest-fake-state.js';

export interface PinterestFakeConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Apps created on or after 25 Sep 2025 get continuous refresh tokens without asking (9.1). */
  readonly continuousByDefault: boolean;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  /** Status polls a video spends in `processing` after its upload. */
  readonly processingPolls: number;
  /** Largest file the presigned upload accepts. */
  readonly maxUploadBytes: number;
  /** Answer analytics with the pre-v5 names CLICKTHROUGH and CLOSEUP. */
  readonly legacyMetricNames: boolean;
}

export interface RouteDeps {
  readonly state: PinterestFakeState;
  readonly config: PinterestFakeConfig;
  /** The fake's own address (the presigned upload URL points back at it). */
  url(): string;
  /** The user whose browser consents on /oauth/. */
  signedInUserId(): string | undefined;
}

/** Rate-limit categories each endpoint declares (`x-ratelimit-category`, 9.5). */
export type RateCategory = 'org_read' | 'org_write' | 'org_analytics';

export interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** `user`: a bearer token is required; `none`: the route checks what it needs itself. */
  readonly auth: 'user' | 'none';
  readonly category?: RateCategory;
  readonly scopes?: readonly string[];
  handle(exchange: Exchange, params: readonly string[]): void | Promise<void>;
}
