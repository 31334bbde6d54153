import {
  isConnectorError,
  type ConnectorOperation,
  type MetricName,
  type MetricValues,
} from '@chorus/connector-sdk';
import type { GraphClient, GraphParams } from './graph-client.js';
import { currentMetricNames, insightsResponse, metricNumber } from './insight-values.js';

export interface InsightsRequest {
  readonly operation: ConnectorOperation;
  readonly objectId: string;
  /** Current Meta metric names and what each is called in the SDK's vocabulary. */
  readonly vocabulary: Readonly<Record<string, MetricName>>;
  /** Retired names and their replacements: never asked for, and understood if an answer still uses them. */
  readonly renamed: Readonly<Record<string, string>>;
  readonly query?: GraphParams;
  /** The edge, `insights` unless the network names it otherwise (Threads profiles: `threads_insights`). */
  readonly edge?: string;
}

/**
 * GET /{object}/insights in the SDK's vocabulary. Metrics Meta will not give (too few followers or viewers,
 * data not computed yet: code 100 or 10, or an empty list) are left out, so the counters read elsewhere stand.
 */
export async function readInsights(graph: GraphClient, request: InsightsRequest): Promise<MetricValues> {
  const names = currentMetricNames(Object.keys(request.vocabulary), request.renamed);
  let answer;
  try {
    answer = await graph.call(
      {
        operation: request.operation,
        endpoint: 'insights.read',
        path: `/${request.objectId}/${request.edge ?? 'insights'}`,
        query: { metric: names.join(','), ...request.query },
      },
      insightsResponse,
    );
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'invalid-content') {
      return {};
    }
    throw error;
  }
  const metrics: MetricValues = {};
  for (const metric of answer.data) {
    const name = request.vocabulary[request.renamed[metric.name] ?? metric.name];
    const value = metricNumber(metric);
    if (name && value !== undefined) {
      metrics[name] = value;
    }
  }
  return metrics;
}
