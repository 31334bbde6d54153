import { z } from '@chorus/connector-sdk';

/** One metric of an /insights answer: a time series (`values`) or a total (`total_value`). */
export const insightMetric = z.object({
  name: z.string(),
  period: z.string().optional(),
  values: z.array(z.object({ value: z.unknown(), end_time: z.string().optional() })).optional(),
  total_value: z.object({ value: z.unknown() }).optional(),
});
export type InsightMetric = z.output<typeof insightMetric>;
export const insightsResponse = z.object({ data: z.array(insightMetric) });

/**
 * The number a metric reports: its total, or its latest value; object values (paid/organic breakdowns,
 * reactions by type) are summed. Undefined when Meta gives nothing (an unavailable metric is an empty list).
 */
export function metricNumber(metric: InsightMetric): number | undefined {
  const raw = metric.total_value?.value ?? metric.values?.at(-1)?.value;
  return toNumber(raw);
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    return raw;
  }
  if (typeof raw === 'object' && raw !== null) {
    return Object.values(raw as Record<string, unknown>).reduce<number>(
      (sum, value) => sum + (toNumber(value) ?? 0),
      0,
    );
  }
  return undefined;
}

/**
 * Names Meta retired and what replaced them, so that configured or stored names keep working: an old name is
 * asked for under its new name (network-apis.md 2.4, 3.4).
 */
export function currentMetricNames(
  names: readonly string[],
  renamed: Readonly<Record<string, string>>,
): string[] {
  return [...new Set(names.map((name) => renamed[name] ?? name))];
}
