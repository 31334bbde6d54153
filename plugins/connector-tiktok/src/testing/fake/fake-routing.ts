import type { Exchange } from './fake-http.js';
import type { TikTokFakeState } from './fake-state.js';
import type { FakeProcessing } from './fake-processing.js';
import type { FakeWebhooks } from './fake-webhooks.js';

export interface TikTokFakeConfig {
  readonly clientKey: string;
  readonly clientSecret: string;
  /** Unaudited apps: Direct Posts forced to SELF_ONLY, public accounts refused, 5 posting users a day (7.1). */
  readonly audited: boolean;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  /** URL prefixes verified in the developer portal, for PULL_FROM_URL. */
  readonly verifiedUrlPrefixes: readonly string[];
  /** Status polls a whole file spends processing before it settles (or `processingMs`, whichever first). */
  readonly processingPolls: number;
  readonly processingMs: number;
  /** How long moderation keeps a public post's id out of the status (7.2). */
  readonly moderationMs: number;
  readonly uploadUrlSeconds: number;
  /** Undisclosed by TikTok (~15-25 a day reported, 7.2). */
  readonly dailyPostCap: number;
  readonly pendingShareCap: number;
  readonly unauditedUserCap: number;
}

export interface RouteDeps {
  readonly state: TikTokFakeState;
  readonly config: TikTokFakeConfig;
  readonly webhooks: FakeWebhooks;
  readonly processing: FakeProcessing;
  /** The fake's clock: real time plus whatever `travel` added. */
  now(): number;
  /** The user whose browser consents on the authorization page. */
  signedInOpenId(): string | undefined;
  readonly baseUrl: () => string;
}

export interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** Rate-limit bucket (fake-rate-limits.ts), counted per access token. */
  readonly bucket?: string;
  /** `user`: a Bearer access token is required; the request needs one of `scopes` (any). */
  readonly auth: 'user' | 'none';
  readonly scopes?: readonly string[];
  handle(exchange: Exchange): void | Promise<void>;
}
