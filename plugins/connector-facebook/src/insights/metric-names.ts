import type { MetricName } from '@chorus/connector-sdk';

/** The views family that replaced impressions (network-apis.md 2.4); needs Graph v23.0 or later. */
export const POST_METRICS: Readonly<Record<string, MetricName>> = {
  post_media_view: 'views',
  post_total_media_view_unique: 'reach',
  post_clicks: 'clicks',
};

export const PAGE_METRICS: Readonly<Record<string, MetricName>> = {
  page_media_view: 'views',
  page_total_media_view_unique: 'reach',
};

/** Retired names (15 Nov 2025, 15 Jun 2026) and their replacements; asking for a retired one fails with code 100. */
export const RENAMED_METRICS: Readonly<Record<string, string>> = {
  page_impressions: 'page_media_view',
  page_impressions_unique: 'page_total_media_view_unique',
  page_fans: 'page_follows',
  page_fan_adds: 'page_daily_follows',
  page_fan_removes: 'page_daily_unfollows_unique',
  post_impressions: 'post_media_view',
  post_impressions_unique: 'post_total_media_view_unique',
  post_impressions_organic_unique: 'post_total_media_view_unique',
};
