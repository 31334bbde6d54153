import type { YoutubeMethod } from '../../api/quota-costs.js';
import type { Exchange } from './youtube-fake-http.js';
import type { YoutubeFakeQuota } from './youtube-fake-quota.js';
import type { ChannelRecord, VideoRecord, YoutubeFakeState } from './youtube-fake-state.js';

export interface YoutubeFakeConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** false: the project has not passed the API audit, so every upload is locked to private (8.2). */
  readonly projectAudited: boolean;
  /** The OAuth consent screen is in "Testing": refresh tokens stop working after 7 days (8.1). */
  readonly testingMode: boolean;
  readonly accessTokenSeconds: number;
  /** Status checks a new video spends processing. */
  readonly processingPolls: number;
  /** How long an upload session stays usable. */
  readonly sessionLifetimeMs: number;
  /** The channel's daily upload cap (not quota): `uploadLimitExceeded` beyond it. */
  readonly channelDailyUploads: number;
}

export interface RouteDeps {
  readonly state: YoutubeFakeState;
  readonly config: YoutubeFakeConfig;
  readonly quota: YoutubeFakeQuota;
  /** The fake's clock (tests move it forward). */
  now(): Date;
  /** Where the fake listens, for session URIs. */
  baseUrl(): string;
  /** The channel whose browser approves the next authorization. */
  signedInChannelId(): string | undefined;
  /** The next processing ends in this state. */
  takeProcessingOutcome(): { status: 'failed' | 'rejected'; reason: string } | undefined;
  /** A video was created or changed: WebSub subscribers of its channel hear of it. */
  videoPublished(video: VideoRecord, channel: ChannelRecord): void;
}

export interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** The Data API method, charged against the project's quota before the handler runs. */
  readonly quota?: YoutubeMethod;
  /** `bearer`: an access token is required. */
  readonly auth: 'bearer' | 'none';
  /** Any one of these scopes is enough. */
  readonly scopes?: readonly string[];
  handle(exchange: Exchange, params: readonly string[]): void | Promise<void>;
}

const SCOPE = 'https://www.googleapis.com/auth/';
export const SCOPES: Record<'read' | 'upload' | 'manage' | 'comment' | 'analytics', string[]> = {
  read: [`${SCOPE}youtube.readonly`, `${SCOPE}youtube`, `${SCOPE}youtube.force-ssl`],
  upload: [`${SCOPE}youtube.upload`, `${SCOPE}youtube`, `${SCOPE}youtube.force-ssl`],
  manage: [`${SCOPE}youtube`, `${SCOPE}youtube.force-ssl`],
  comment: [`${SCOPE}youtube.force-ssl`],
  analytics: [`${SCOPE}yt-analytics.readonly`, `${SCOPE}yt-analytics-monetary.readonly`],
};

/** Counters as Google sends them: strings of digits. */
export const digits = (value: number) => String(Math.max(0, Math.trunc(value)));

/** YouTube rounds public subscriber counts to three significant figures (8.4). */
export function roundSubscribers(count: number): number {
  if (count < 1000) {
    return count;
  }
  const magnitude = 10 ** (Math.floor(Math.log10(count)) - 2);
  return Math.floor(count / magnitude) * magnitude;
}

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
