import type { Exchange } from './fake-http.js';
import type { RedditFakeState } from './fake-state.js';

export interface RedditFakeSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Lifetime of access tokens (Reddit: one hour). */
  readonly accessTokenSeconds: number;
  /** Reddit's free tier: 100 queries a minute per OAuth client id. */
  readonly queriesPerMinute: number;
  /** Reads of the author's submissions before a media post shows up (its processing). */
  readonly processingReads: number;
}

export interface RouteDeps {
  readonly state: RedditFakeState;
  readonly settings: RedditFakeSettings;
  /** The fake's own address, for upload targets and links. */
  baseUrl(): string;
  /** The user whose browser consents on /api/v1/authorize. */
  signedInUserId(): string | undefined;
  /** Whether the next processed media post fails (it then never shows up). */
  takeProcessingFailure(): boolean;
}

export interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** `bearer`: a user access token (oauth.reddit.com); `none`: the auth host's own checks, or S3. */
  readonly auth: 'bearer' | 'none';
  readonly scope?: string;
  /** S3 and the poster image are not Reddit's API: no User-Agent rule, no budget. */
  readonly outsideApi?: boolean;
  handle(exchange: Exchange, params: readonly string[]): void | Promise<void>;
}
