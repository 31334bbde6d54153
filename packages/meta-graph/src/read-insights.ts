import {
  isConnectorError,
  type ConnectorError,
  type ConnectorOperation,
  type MetricName,
  type MetricValues,
} from '@chorus/connector-sdk';
import type { GraphClient, GraphParams } from './graph-client.js';
import { currentMetricNames, insightsResponse, metricNumber, type InsightMetric } from './insight-values.js';

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
  /** Meta names of daily time series to add up over the asked since/until range, instead of the latest day. */
  readonly summed?: readonly string[];
}

/**
 * GET /{object}/insights in the SDK's vocabulary. One metric Meta refuses (retired, not offered for this kind of
 * media: code 100 naming it) would empty the whole answer, so a refused batch is asked again without the metric
 * Meta names (`metric[N]`), else one metric at a time: the others still come back. Metrics Meta will not give
 * for this object (code 10 "not enough viewers", too few followers, an empty list) are left out, so the counters
 * read elsewhere stand. Any other refusal (a lost permission, an unknown object, a throttle) is thrown: an empty
 * answer would read as "no views" when the truth is "could not read".
 */
export async function readInsights(graph: GraphClient, request: InsightsRequest): Promise<MetricValues> {
  const names = currentMetricNames(Object.keys(request.vocabulary), request.renamed);
  const data = await readMetrics(graph, request, names);
  const summed = new Set(request.summed ?? []);
  const metrics: MetricValues = {};
  for (const metric of data) {
    const meta = request.renamed[metric.name] ?? metric.name;
    const name = request.vocabulary[meta];
    const value = summed.has(meta) ? seriesTotal(metric) : metricNumber(metric);
    if (name && value !== undefined) {
      metrics[name] = value;
    }
  }
  return metrics;
}

async function readMetrics(
  graph: GraphClient,
  request: InsightsRequest,
  names: readonly string[],
): Promise<InsightMetric[]> {
  let asked = [...names];
  // Each refusal that names its metric drops one: at most one retry per metric.
  for (let attempt = 0; attempt <= names.length && asked.length > 0; attempt += 1) {
    const answer = await ask(graph, request, asked);
    if (answer.ok) {
      return answer.data;
    }
    if (!aboutMetrics(answer.error, asked)) {
      if (notOfferedForObject(answer.error)) {
        return []; // too few viewers or followers: no metric would come back
      }
      throw answer.error;
    }
    const named = refusedIndex(answer.error, asked.length);
    if (named === undefined) {
      break;
    }
    asked = asked.filter((_, index) => index !== named);
  }
  if (asked.length <= 1) {
    return [];
  }
  const data: InsightMetric[] = [];
  for (const name of asked) {
    const answer = await ask(graph, request, [name]);
    if (answer.ok) {
      data.push(...answer.data);
    } else if (!notOfferedForObject(answer.error) && !aboutMetrics(answer.error, [name])) {
      throw answer.error;
    }
  }
  return data;
}

async function ask(
  graph: GraphClient,
  request: InsightsRequest,
  names: readonly string[],
): Promise<{ ok: true; data: InsightMetric[] } | { ok: false; error: ConnectorError }> {
  try {
    const answer = await graph.call(
      {
        operation: request.operation,
        endpoint: 'insights.read',
        path: `/${request.objectId}/${request.edge ?? 'insights'}`,
        query: { metric: names.join(','), ...request.query },
      },
      insightsResponse,
    );
    return { ok: true, data: answer.data };
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'invalid-content') {
      return { ok: false, error };
    }
    throw error;
  }
}

/**
 * Whether the refusal is about the metrics asked (code 100: `metric[N]`, a name asked, "invalid insights metric"),
 * not about the object or the token.
 */
function aboutMetrics(error: ConnectorError, asked: readonly string[]): boolean {
  const { message } = error;
  return (
    /metric\[\d+\]|insights metric/iu.test(message) ||
    asked.some((name) => new RegExp(`\\b${name}\\b`, 'u').test(message))
  );
}

/** Meta will not give insights for this object: code 10 "not enough viewers" (3.4), too few followers (2.4, 3.4). */
function notOfferedForObject(error: ConnectorError): boolean {
  return /not enough viewers|fewer than \d+ (?:followers|likes)|too few followers/iu.test(error.message);
}

/** The position Meta names in "(#100) metric[2] must be one of ...", when it names one. */
function refusedIndex(error: ConnectorError, count: number): number | undefined {
  const match = /metric\[(\d+)\]/u.exec(error.message);
  const index = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(index) && index < count ? index : undefined;
}

/** A daily time series over the asked range, added up (Threads profile views, 4.4); a total as it is. */
function seriesTotal(metric: InsightMetric): number | undefined {
  if (!metric.values) {
    return metricNumber(metric);
  }
  const numbers = metric.values.map((entry) => metricNumber({ name: metric.name, values: [entry] }));
  return numbers.some((value) => value !== undefined)
    ? numbers.reduce<number>((sum, value) => sum + (value ?? 0), 0)
    : undefined;
}
