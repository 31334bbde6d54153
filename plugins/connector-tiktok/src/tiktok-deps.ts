import type { ConnectorContext } from '@chorus/connector-sdk';
import { TikTokApi } from './api/tiktok-api.js';
import type { TikTokConfig } from './config.js';
import { PublishJournal } from './publish/publish-journal.js';

/** What every part of the connector shares: the host's context, the configuration, the API client. */
export interface TikTokDeps {
  readonly context: ConnectorContext;
  readonly config: TikTokConfig;
  readonly api: TikTokApi;
  /** publish_ids of this process's publishes, by idempotency key, for reconciliation. */
  readonly journal: PublishJournal;
}

export function createTikTokDeps(context: ConnectorContext, config: TikTokConfig): TikTokDeps {
  return { context, config, api: new TikTokApi(context, config.apiUrl), journal: new PublishJournal() };
}

/** Public web address of a post (network-apis.md 7.2). */
export const postUrl = (username: string | undefined, id: string) =>
  username ? `https://www.tiktok.com/@${username}/video/${id}` : `https://www.tiktok.com/video/${id}`;

export const profileUrl = (username: string | undefined) =>
  username ? `https://www.tiktok.com/@${username}` : 'https://www.tiktok.com/';
