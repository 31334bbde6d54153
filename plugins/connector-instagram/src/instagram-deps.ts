import { ReauthRequiredError, type ConnectorContext, type Credentials } from '@chorus/connector-sdk';
import { GraphClient, UsageGate } from '@chorus/meta-graph';
import type { InstagramConfig, InstagramLogin } from './config.js';

export const NETWORK = 'Instagram';

/** What every part of the connector needs; which host and token depend on the account's login (ADR 0009). */
export interface InstagramDeps {
  readonly context: ConnectorContext;
  readonly config: InstagramConfig;
  /** The Graph API for the account: graph.instagram.com (Instagram Login) or graph.facebook.com (Facebook Login). */
  graph(credentials: Credentials): GraphClient;
  graphAt(login: InstagramLogin, account: string, token?: string): GraphClient;
}

export function loginOf(credentials: Credentials): InstagramLogin {
  const login = credentials.extra?.login;
  if (login !== 'instagram' && login !== 'facebook') {
    throw new ReauthRequiredError(
      'These Instagram credentials do not say which login made them; reconnect the account.',
    );
  }
  return login;
}

export function createInstagramDeps(context: ConnectorContext, config: InstagramConfig): InstagramDeps {
  const gate = new UsageGate(context.clock);
  const graphAt = (login: InstagramLogin, account: string, token?: string) =>
    new GraphClient({
      http: context.http,
      clock: context.clock,
      baseUrl: login === 'instagram' ? config.instagramGraphUrl : config.facebookGraphUrl,
      version: config.apiVersion,
      network: NETWORK,
      gate,
      account,
      accessToken: token,
      appSecret: login === 'facebook' ? config.facebookAppSecret : undefined,
    });
  return {
    context,
    config,
    graph: (credentials) => graphAt(loginOf(credentials), credentials.accountId, credentials.accessToken),
    graphAt,
  };
}
