import type { ConnectorContext, Credentials } from '@chorus/connector-sdk';
import { GraphClient, UsageGate } from '@chorus/meta-graph';
import type { ThreadsConfig } from './config.js';

export const NETWORK = 'Threads';

export interface ThreadsDeps {
  readonly context: ConnectorContext;
  readonly config: ThreadsConfig;
  graph(credentials: Credentials): GraphClient;
  graphAs(account: string, token?: string): GraphClient;
}

export function createThreadsDeps(context: ConnectorContext, config: ThreadsConfig): ThreadsDeps {
  const gate = new UsageGate(context.clock);
  const graphAs = (account: string, token?: string) =>
    new GraphClient({
      http: context.http,
      clock: context.clock,
      baseUrl: config.graphUrl,
      version: config.apiVersion,
      network: NETWORK,
      gate,
      account,
      accessToken: token,
    });
  return {
    context,
    config,
    graph: (credentials) => graphAs(credentials.accountId, credentials.accessToken),
    graphAs,
  };
}
