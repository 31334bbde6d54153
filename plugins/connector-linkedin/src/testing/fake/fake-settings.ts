import type { MemberRecord } from './fake-state.js';

/** How the fake network behaves; tests change these to reach each documented case. */
export interface FakeSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** `LinkedIn-Version` values still served; any other answers 426 NONEXISTENT_VERSION. */
  activeVersions: Set<string>;
  /** Refresh tokens are issued only to approved partners (6.2). */
  issueRefreshTokens: boolean;
  /** The member who approves the next authorization. */
  consenting: MemberRecord | null;
  /** Status reads a video (and an image) stays PROCESSING before AVAILABLE. */
  processingPolls: number;
  /** How long an identical commentary of the same author is refused as DUPLICATE_POST. */
  duplicateWindowMs: number;
  /** Requests per member and endpoint per UTC day; absent endpoints are unlimited. */
  dailyQuotas: Map<string, number>;
  /** Requests a freshly authorized token is refused as revoked before it works (6.6's transient 65601). */
  freshTokenGlitches: number;
  /** The follower edge type this API version spells (6.5 asks to verify the spelling). */
  followerEdgeType: string;
  /** Bytes of each upload part (4 MiB on LinkedIn; smaller in tests). */
  videoPartBytes: number;
}

export const ACCESS_TOKEN_SECONDS = 5_184_000; // 60 days
export const REFRESH_TOKEN_SECONDS = 31_536_000; // 365 days from the original consent
