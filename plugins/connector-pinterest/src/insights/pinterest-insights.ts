import type { AccountMetrics, Credentials, InsightsCapability, PostMetrics } from '@chorus/connector-sdk';
import { analytics, pin, userAccount, type Analytics } from '../api/pinterest-schemas.js';
import type { PinterestDeps } from '../pinterest-deps.js';
import { ACCOUNT_METRICS, PIN_METRICS, toMetricValues, VIDEO_PIN_METRICS } from './metric-names.js';

const DAY_MS = 86_400_000;
// start_date may be at most 90 days back and the range at most 90 days (9.4).
const PIN_RANGE_DAYS = 89;
const ACCOUNT_RANGE_DAYS = 29;

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The summary Pinterest gives, or the sum of the days whose data is ready. */
function totals(answer: Analytics): Record<string, number | null> {
  if (answer.summary_metrics) {
    return answer.summary_metrics;
  }
  const sums: Record<string, number> = {};
  for (const day of answer.daily_metrics) {
    if (day.data_status !== undefined && day.data_status !== 'READY') {
      continue;
    }
    for (const [name, value] of Object.entries(day.metrics ?? {})) {
      sums[name] = (sums[name] ?? 0) + (value ?? 0);
    }
  }
  return sums;
}

/** Pin analytics over the last 90 days and account analytics over the last 30, in the SDK vocabulary (9.4). */
export function createPinterestInsights(deps: PinterestDeps): InsightsCapability {
  const { api } = deps;
  const range = (days: number) => {
    const today = deps.context.clock.now().getTime();
    return { start_date: isoDate(today - days * DAY_MS), end_date: isoDate(today) };
  };

  const pinMetrics = async (credentials: Credentials, remoteId: string): Promise<PostMetrics | null> => {
    const path = `/v5/pins/${encodeURIComponent(remoteId)}`;
    const request = { operation: 'insights.post' as const, token: credentials.accessToken };
    const found = await api.exchange({ ...request, endpoint: 'pins.read', path, accept: [404] }, pin);
    if (!found.data) {
      return null;
    }
    const video = found.data.media?.media_type === 'video';
    const answer = await api.exchange(
      {
        ...request,
        endpoint: 'pins.analytics',
        path: `${path}/analytics`,
        query: {
          ...range(PIN_RANGE_DAYS),
          metric_types: [...PIN_METRICS, ...(video ? VIDEO_PIN_METRICS : [])].join(','),
          app_types: 'ALL',
          split_field: 'NO_SPLIT',
        },
        accept: [404],
      },
      analytics,
    );
    return answer.data
      ? {
          remoteId,
          measuredAt: deps.context.clock.now().toISOString(),
          metrics: toMetricValues(totals(answer.data.all)),
        }
      : null;
  };

  return {
    async post(credentials, input) {
      const results: PostMetrics[] = [];
      for (const remoteId of input.remoteIds) {
        const metrics = await pinMetrics(credentials, remoteId);
        if (metrics) {
          results.push(metrics);
        }
      }
      return results;
    },

    async account(credentials): Promise<AccountMetrics> {
      const request = { operation: 'insights.account' as const, token: credentials.accessToken };
      const account = await api.call(
        { ...request, endpoint: 'user_account', path: '/v5/user_account' },
        userAccount,
      );
      const followers = account.follower_count === undefined ? {} : { followers: account.follower_count };
      // Analytics need a business account (9.4); a personal one has followers only.
      if (account.account_type !== 'BUSINESS') {
        return { measuredAt: deps.context.clock.now().toISOString(), metrics: followers };
      }
      const answer = await api.call(
        {
          ...request,
          endpoint: 'user_account.analytics',
          path: '/v5/user_account/analytics',
          query: {
            ...range(ACCOUNT_RANGE_DAYS),
            metric_types: ACCOUNT_METRICS.join(','),
            content_type: 'ALL',
          },
        },
        analytics,
      );
      const { impressions, saves, clicks } = toMetricValues(totals(answer.all));
      return {
        measuredAt: deps.context.clock.now().toISOString(),
        metrics: {
          ...followers,
          ...(impressions === undefined ? {} : { impressions }),
          ...(saves === undefined ? {} : { saves }),
          ...(clicks === undefined ? {} : { clicks }),
        },
      };
    },
  };
}
