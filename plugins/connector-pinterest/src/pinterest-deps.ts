import type { ConnectorContext } from '@chorus/connector-sdk';
import { PinterestApi } from './api/pinterest-api.js';
import type { PinterestConfig } from './config.js';

/** What every part of the connector shares: the host's context, the parsed configuration, the API client. */
export interface PinterestDeps {
  readonly context: ConnectorContext;
  readonly config: PinterestConfig;
  readonly api: PinterestApi;
}

export function createPinterestDeps(context: ConnectorContext, config: PinterestConfig): PinterestDeps {
  return { context, config, api: new PinterestApi(context, config.apiUrl) };
}

/** Public web address of a pin (9.2). */
export const pinUrl = (id: string) => `https://www.pinterest.com/pin/${id}`;
