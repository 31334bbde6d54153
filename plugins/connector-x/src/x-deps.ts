import type { ConnectorContext } from '@chorus/connector-sdk';
import { XApi } from './api/x-api.js';
import type { XConfig } from './config.js';

/** What every part of the connector shares: the host's context, the parsed configuration, the API client. */
export interface XDeps {
  readonly context: ConnectorContext;
  readonly config: XConfig;
  readonly api: XApi;
}

export function createXDeps(context: ConnectorContext, config: XConfig): XDeps {
  return { context, config, api: new XApi(context, config.apiUrl) };
}

/** Public web address of a post; X redirects /i/web/status/<id> to the author's URL. */
export const postUrl = (handle: string | undefined, id: string) =>
  handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
