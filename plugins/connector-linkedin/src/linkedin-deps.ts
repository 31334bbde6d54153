import type { ConnectorContext, Credentials } from '@chorus/connector-sdk';
import { LinkedinApi } from './api/linkedin-api.js';
import type { LinkedinConfig } from './config.js';

export interface LinkedinDeps {
  readonly context: ConnectorContext;
  readonly config: LinkedinConfig;
  api(credentials: Credentials): LinkedinApi;
  apiWith(accessToken: string): LinkedinApi;
}

export function createLinkedinDeps(context: ConnectorContext, config: LinkedinConfig): LinkedinDeps {
  const apiWith = (accessToken: string) => new LinkedinApi(context, config, accessToken);
  return { context, config, api: (credentials) => apiWith(credentials.accessToken), apiWith };
}

/**
 * The author a channel posts as: its accountId, `urn:li:organization:<id>` for a page channel or
 * `urn:li:person:<sub>` for a member channel.
 */
export function authorOf(credentials: Credentials): string {
  return credentials.accountId;
}
