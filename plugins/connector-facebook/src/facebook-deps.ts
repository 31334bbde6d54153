import type { ConnectorContext, Credentials } from '@chorus/connector-sdk';
import { GraphClient, UsageGate } from '@chorus/meta-graph';
import type { FacebookConfig } from './config.js';

export const NETWORK = 'Facebook';

/** What every part of the connector needs: the context, the configuration and Graph clients. */
export interface FacebookDeps {
  readonly context: ConnectorContext;
  readonly config: FacebookConfig;
  /** The Graph API as the connected Page (its Page token). */
  graph(credentials: Credentials): GraphClient;
  /** The Graph API with another token (the user token during login), or none. */
  graphAs(account: string, token?: string): GraphClient;
}

export function createFacebookDeps(context: ConnectorContext, config: FacebookConfig): FacebookDeps {
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
      appSecret: config.appSecretProof ? config.appSecret : undefined,
    });
  return {
    context,
    config,
    graph: (credentials) => graphAs(credentials.accountId, credentials.accessToken),
    graphAs,
  };
}
