import type { ConnectorContext, Credentials } from '@chorus/connector-sdk';
import { accountOf, type BlueskyAccount } from './auth/account-ref.js';
import type { BlueskyConfig } from './config.js';
import { AccountRepo } from './records/account-repo.js';
import { XrpcClient } from './xrpc/xrpc-client.js';

export interface AccountClient {
  readonly xrpc: XrpcClient;
  readonly account: BlueskyAccount;
  readonly repo: AccountRepo;
}

/** What every part of the connector needs: the context, the parsed configuration and XRPC clients. */
export interface BlueskyDeps {
  readonly context: ConnectorContext;
  readonly config: BlueskyConfig;
  /** The account's PDS, as the account; app.bsky.* calls are proxied by it to the AppView. */
  pds(credentials: Credentials): AccountClient;
  /** A service without a session: the entryway for login and refresh, the video service. */
  service(serviceUrl: string): XrpcClient;
  now(): string;
}

export function createBlueskyDeps(context: ConnectorContext, config: BlueskyConfig): BlueskyDeps {
  const { http, clock } = context;
  return {
    context,
    config,
    pds(credentials) {
      const account = accountOf(credentials);
      const xrpc = new XrpcClient({
        http,
        clock,
        serviceUrl: account.pdsUrl,
        accessToken: credentials.accessToken,
        appViewProxy: config.appViewProxy,
      });
      return { xrpc, account, repo: new AccountRepo(xrpc, account, clock) };
    },
    service: (serviceUrl) => new XrpcClient({ http, clock, serviceUrl }),
    now: () => clock.now().toISOString(),
  };
}
