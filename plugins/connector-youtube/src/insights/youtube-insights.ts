import {
  isConnectorError,
  type Credentials,
  type InsightsCapability,
  type MetricValues,
} from '@chorus/connector-sdk';
import { channelList, resultTable, videoList, type ResultTable } from '../api/youtube-schemas.js';
import type { YoutubeDeps } from '../youtube-deps.js';

const MAX_IDS = 50;
const REPORT_DAYS = 28;

/**
 * Counters in the SDK vocabulary (network-apis.md 8.4). Posts: the public `statistics` of videos.list (views,
 * likes, comments; `favoriteCount` is deprecated and always 0, `dislikeCount` is no longer public: neither is
 * mapped). Account: subscribers (rounded by YouTube to three significant figures) and lifetime views of the
 * channel, plus likes, comments and shares of the last 28 days from the Analytics API, read by column name.
 */
export function createYoutubeInsights(deps: YoutubeDeps): InsightsCapability {
  const { api } = deps;
  const measuredAt = () => deps.context.clock.now().toISOString();

  return {
    async post(credentials, input) {
      const results = [];
      for (let start = 0; start < input.remoteIds.length; start += MAX_IDS) {
        const ids = input.remoteIds.slice(start, start + MAX_IDS);
        const answer = await api.call(
          {
            operation: 'insights.post',
            endpoint: 'videos.list',
            quota: 'videos.list',
            url: `${deps.dataUrl}/videos`,
            query: { part: 'statistics', id: ids.join(','), maxResults: String(MAX_IDS) },
            token: credentials.accessToken,
          },
          videoList,
        );
        for (const video of answer.items) {
          const stats = video.statistics ?? {};
          const metrics: MetricValues = {};
          if (stats.viewCount !== undefined) {
            metrics.views = stats.viewCount;
          }
          if (stats.likeCount !== undefined) {
            metrics.likes = stats.likeCount;
          }
          if (stats.commentCount !== undefined) {
            metrics.comments = stats.commentCount;
          }
          results.push({ remoteId: video.id, measuredAt: measuredAt(), metrics });
        }
      }
      return results;
    },

    async account(credentials) {
      const answer = await api.call(
        {
          operation: 'insights.account',
          endpoint: 'channels.list',
          quota: 'channels.list',
          url: `${deps.dataUrl}/channels`,
          query: { part: 'statistics', mine: 'true' },
          token: credentials.accessToken,
        },
        channelList,
      );
      const stats = answer.items[0]?.statistics ?? {};
      const metrics: MetricValues = { ...(await recentEngagementOrNothing(deps, credentials)) };
      if (stats.subscriberCount !== undefined && !stats.hiddenSubscriberCount) {
        metrics.followers = stats.subscriberCount;
      }
      if (stats.viewCount !== undefined) {
        metrics.views = stats.viewCount;
      }
      return { measuredAt: measuredAt(), metrics };
    },
  };
}

/**
 * The Analytics part is extra: a channel connected without the Analytics scope still gets its statistics, and
 * the missing permission is logged for someone to reconnect it.
 */
async function recentEngagementOrNothing(deps: YoutubeDeps, credentials: Credentials): Promise<MetricValues> {
  try {
    return await recentEngagement(deps, credentials);
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'reauth-required') {
      deps.context.logger.warn('youtube.analytics-unavailable', {
        accountId: credentials.accountId,
        error: error.message,
      });
      return {};
    }
    throw error;
  }
}

/** Likes, comments and shares of the last 28 days (Analytics data lags one to three days). */
async function recentEngagement(deps: YoutubeDeps, credentials: Credentials): Promise<MetricValues> {
  const today = deps.context.clock.now();
  const day = (offset: number) => new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  const table = await deps.api.call(
    {
      operation: 'insights.account',
      endpoint: 'analytics.reports',
      url: `${deps.config.analyticsUrl.replace(/\/+$/u, '')}/v2/reports`,
      query: {
        ids: 'channel==MINE',
        startDate: day(REPORT_DAYS),
        endDate: day(0),
        metrics: 'likes,comments,shares',
        dimensions: 'day',
        sort: 'day',
      },
      token: credentials.accessToken,
    },
    resultTable,
  );
  return sumColumns(table, { likes: 'likes', comments: 'comments', shares: 'shares' });
}

/** Sums report columns by their header name, so a reordered or extra column changes nothing. */
export function sumColumns(
  table: ResultTable,
  mapping: Readonly<Record<string, keyof MetricValues>>,
): MetricValues {
  const metrics: MetricValues = {};
  table.columnHeaders.forEach((header, index) => {
    const metric = mapping[header.name];
    if (!metric) {
      return;
    }
    metrics[metric] = table.rows.reduce((sum, row) => {
      const value = Number(row[index]);
      return sum + (Number.isFinite(value) ? value : 0);
    }, 0);
  });
  return metrics;
}
