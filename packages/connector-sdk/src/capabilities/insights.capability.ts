import type { MetricName } from '../manifest/capabilities.schema.js';
import type { Credentials } from './credentials.js';

export type MetricValues = Partial<Record<MetricName, number>>;

export interface PostMetrics {
  readonly remoteId: string;
  readonly measuredAt: string;
  readonly metrics: MetricValues;
}

export interface AccountMetrics {
  readonly measuredAt: string;
  readonly metrics: MetricValues;
}

/** Counters in one vocabulary; a network's "favourites" are likes, its "reblogs" are shares. */
export interface InsightsCapability {
  /** Posts the network no longer has are left out of the answer. */
  post?(credentials: Credentials, input: { readonly remoteIds: readonly string[] }): Promise<PostMetrics[]>;
  account?(credentials: Credentials): Promise<AccountMetrics>;
}
