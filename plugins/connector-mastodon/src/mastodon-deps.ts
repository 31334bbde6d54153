import type { ConnectorContext, Credentials } from '@chorus/connector-sdk';
import { accountRef } from './api/account-ref.js';
import { MastodonApi } from './api/mastodon-api.js';
import type { MastodonConfig } from './config.js';

/** What every part of the connector needs: the context, the parsed configuration and API clients. */
export interface MastodonDeps {
  readonly context: ConnectorContext;
  readonly config: MastodonConfig;
  /** The API as the account the credentials belong to. */
  api(credentials: Credentials): MastodonApi;
  /** The API of a server without a token. */
  anonymous(instanceUrl: string): MastodonApi;
}

export function createMastodonDeps(context: ConnectorContext, config: MastodonConfig): MastodonDeps {
  return {
    context,
    config,
    api: (credentials) =>
      new MastodonApi(
        context.http,
        context.clock,
        accountRef(credentials).instanceUrl,
        credentials.accessToken,
      ),
    anonymous: (instanceUrl) => new MastodonApi(context.http, context.clock, instanceUrl),
  };
}
