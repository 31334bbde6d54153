import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { paths as AdsPaths } from './generated/ads.js';
import type { paths as AnalyticsPaths } from './generated/analytics.js';
import type { paths as CommunityPaths } from './generated/community.js';
import type { paths as ContentPaths } from './generated/content.js';
import type { paths as GatewayPaths } from './generated/gateway.js';
import type { paths as StrategyPaths } from './generated/strategy.js';

export type { AdsPaths, AnalyticsPaths, CommunityPaths, ContentPaths, GatewayPaths, StrategyPaths };

/** One typed client per OpenAPI document; every call goes through the gateway's one origin. */
export interface ChorusClient {
  readonly gateway: Client<GatewayPaths>;
  readonly strategy: Client<StrategyPaths>;
  readonly content: Client<ContentPaths>;
  readonly community: Client<CommunityPaths>;
  readonly ads: Client<AdsPaths>;
  readonly analytics: Client<AnalyticsPaths>;
}

export interface ChorusClientOptions {
  /** The gateway's origin, e.g. http://127.0.0.1:3000; '' (the default) for same-origin calls from the console. */
  readonly origin?: string;
  /** Runs on every request and response of every client: headers (CSRF, workspace), session handling. */
  readonly middleware?: readonly Middleware[];
  readonly fetch?: ClientOptions['fetch'];
}

/**
 * The gateway's paths already start with /api; the services' documents are relative to the gateway's proxy
 * prefix /api/<service> (their `servers` entry), which becomes each client's base URL.
 */
export function createChorusClient(options: ChorusClientOptions = {}): ChorusClient {
  const origin = options.origin ?? '';
  const make = <P extends object>(prefix: string): Client<P> => {
    const client = createClient<P>({
      baseUrl: `${origin}${prefix}`,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    for (const middleware of options.middleware ?? []) {
      client.use(middleware);
    }
    return client;
  };
  return {
    gateway: make<GatewayPaths>(''),
    strategy: make<StrategyPaths>('/api/strategy'),
    content: make<ContentPaths>('/api/content'),
    community: make<CommunityPaths>('/api/community'),
    ads: make<AdsPaths>('/api/ads'),
    analytics: make<AnalyticsPaths>('/api/analytics'),
  };
}
