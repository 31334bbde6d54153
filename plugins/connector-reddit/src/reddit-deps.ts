import type { ConnectorContext } from '@chorus/connector-sdk';
import { RedditApi } from './api/reddit-api.js';
import type { RedditConfig } from './config.js';
import { userAgentOf } from './api/user-agent.js';

/** What every part of the connector shares: the host's context, the parsed configuration, the API client. */
export interface RedditDeps {
  readonly context: ConnectorContext;
  readonly config: RedditConfig;
  readonly api: RedditApi;
}

export function createRedditDeps(context: ConnectorContext, config: RedditConfig): RedditDeps {
  return { context, config, api: new RedditApi(context, config, userAgentOf(config)) };
}

/** Public address of a thing from its `permalink` (a path on www.reddit.com). */
export const permalinkUrl = (permalink: string) => new URL(permalink, 'https://www.reddit.com').toString();
