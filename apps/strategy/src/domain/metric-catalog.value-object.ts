import { MetricNameSchema } from '@chorus/connector-sdk';

/** Which way a KPI should move for the brand to be better off. */
export type MetricDirection = 'increase' | 'decrease';
export type MetricUnit = 'count' | 'percent' | 'ratio' | 'money';

export interface MetricDefinition {
  /** Kebab-case key used in goals and events (contracts' Slug). */
  readonly key: string;
  readonly unit: MetricUnit;
  readonly direction: MetricDirection;
  /** 'network': a counter connectors report (connector-sdk insights vocabulary); 'analytics': derived or measured by analytics. */
  readonly source: 'network' | 'analytics';
  readonly description: string;
}

const NETWORK_DESCRIPTIONS: Record<string, string> = {
  followers: 'Followers of the channel',
  impressions: 'Times the content was shown',
  views: 'Views of posts or profile',
  reach: 'Distinct accounts reached',
  likes: 'Likes (favourites)',
  comments: 'Comments and replies',
  shares: 'Shares (reposts, reblogs)',
  saves: 'Saves (bookmarks)',
  clicks: 'Link clicks',
  video_views: 'Video views',
};

/**
 * The network counters come from the connector SDK's one insights vocabulary (`MetricNameSchema`), so a goal
 * names a metric exactly as connectors report it; snake_case names become kebab-case keys (video_views ->
 * video-views) because goal metrics are contract Slugs.
 */
const NETWORK_METRICS: MetricDefinition[] = MetricNameSchema.options.map((name) => ({
  key: name.replace(/_/g, '-'),
  unit: 'count',
  direction: 'increase',
  source: 'network',
  description: NETWORK_DESCRIPTIONS[name] ?? name,
}));

const ANALYTICS_METRICS: MetricDefinition[] = [
  {
    key: 'engagements',
    unit: 'count',
    direction: 'increase',
    description: 'Likes + comments + shares + saves',
  },
  { key: 'engagement-rate', unit: 'percent', direction: 'increase', description: 'Engagements / reach' },
  {
    key: 'audience-growth-rate',
    unit: 'percent',
    direction: 'increase',
    description: 'Follower growth per month',
  },
  {
    key: 'share-of-voice',
    unit: 'percent',
    direction: 'increase',
    description: "Brand's share of mentions in its market",
  },
  {
    key: 'sessions',
    unit: 'count',
    direction: 'increase',
    description: 'Website sessions (first-party collector)',
  },
  {
    key: 'organic-sessions',
    unit: 'count',
    direction: 'increase',
    description: 'Website sessions from organic search',
  },
  {
    key: 'bounce-rate',
    unit: 'percent',
    direction: 'decrease',
    description: 'Sessions that leave after one page',
  },
  {
    key: 'conversions',
    unit: 'count',
    direction: 'increase',
    description: 'Goal completions on the website',
  },
  { key: 'conversion-rate', unit: 'percent', direction: 'increase', description: 'Conversions / sessions' },
  { key: 'leads', unit: 'count', direction: 'increase', description: 'Qualified leads handed to sales' },
  { key: 'cost-per-lead', unit: 'money', direction: 'decrease', description: 'Spend / leads' },
  { key: 'revenue', unit: 'money', direction: 'increase', description: 'Revenue attributed to social' },
  { key: 'roas', unit: 'ratio', direction: 'increase', description: 'Revenue / ad spend' },
  {
    key: 'repeat-purchase-rate',
    unit: 'percent',
    direction: 'increase',
    description: 'Customers who buy again',
  },
  {
    key: 'negative-feedback',
    unit: 'count',
    direction: 'decrease',
    description: 'Hides, unfollows, negative replies',
  },
  {
    key: 'positive-sentiment-share',
    unit: 'percent',
    direction: 'increase',
    description: 'Share of positive interactions',
  },
  {
    key: 'response-time-minutes',
    unit: 'count',
    direction: 'decrease',
    description: 'Median first-response time',
  },
].map((m) => ({ ...m, source: 'analytics' }) as MetricDefinition);

/** The one metric vocabulary goals, diagnosis recommendations and analytics share. */
export const METRIC_CATALOG: readonly MetricDefinition[] = [...NETWORK_METRICS, ...ANALYTICS_METRICS];

const BY_KEY = new Map(METRIC_CATALOG.map((m) => [m.key, m]));

export function findMetric(key: string): MetricDefinition | undefined {
  return BY_KEY.get(key);
}

export function metricKeys(): string[] {
  return METRIC_CATALOG.map((m) => m.key);
}
