import type { ConnectorContext } from '@chorus/connector-sdk';
import { QuotaLedger } from './api/quota-ledger.js';
import { YoutubeApi } from './api/youtube-api.js';
import type { YoutubeConfig } from './config.js';
import { UploadSessions } from './publish/upload-sessions.js';

/** What every part of the connector shares: the host's context, configuration, quota ledger and API client. */
export interface YoutubeDeps {
  readonly context: ConnectorContext;
  readonly config: YoutubeConfig;
  readonly quota: QuotaLedger;
  readonly api: YoutubeApi;
  readonly sessions: UploadSessions;
  /** Base of the Data API (`…/youtube/v3`). */
  readonly dataUrl: string;
  /** Base of the upload API (`…/upload/youtube/v3`). */
  readonly uploadUrl: string;
}

export function createYoutubeDeps(context: ConnectorContext, config: YoutubeConfig): YoutubeDeps {
  const quota = new QuotaLedger(config, context.clock);
  const base = config.apiUrl.replace(/\/+$/u, '');
  return {
    context,
    config,
    quota,
    api: new YoutubeApi(context, quota),
    sessions: new UploadSessions(),
    dataUrl: `${base}/youtube/v3`,
    uploadUrl: `${base}/upload/youtube/v3`,
  };
}

/** Public address of a video; Shorts have their own. */
export const videoUrl = (id: string, short = false) =>
  short ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`;

export const commentUrl = (videoId: string, commentId: string) =>
  `https://www.youtube.com/watch?v=${videoId}&lc=${commentId}`;
