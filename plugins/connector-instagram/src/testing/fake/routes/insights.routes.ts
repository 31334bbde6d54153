import { graphError, invalidParameter, ok, unknownObject } from '@chorus/meta-graph/testing';
import { authorize, isResponse, type Register } from '../route-deps.js';

const MEDIA_METRICS = new Set([
  'views',
  'reach',
  'likes',
  'comments',
  'shares',
  'saved',
  'total_interactions',
  'follows',
  'profile_visits',
  'replies',
  'navigation',
  'ig_reels_avg_watch_time',
  'ig_reels_video_view_total_time',
]);
// Which media metrics each product type offers (3.4): stories have no likes, comments or saved.
const BY_PRODUCT: Readonly<Record<string, ReadonlySet<string>>> = {
  FEED: new Set([
    'views',
    'reach',
    'likes',
    'comments',
    'shares',
    'saved',
    'total_interactions',
    'follows',
    'profile_visits',
  ]),
  REELS: new Set([
    'views',
    'reach',
    'likes',
    'comments',
    'shares',
    'saved',
    'total_interactions',
    'ig_reels_avg_watch_time',
    'ig_reels_video_view_total_time',
  ]),
  STORY: new Set(['views', 'reach', 'replies', 'shares', 'follows', 'profile_visits', 'navigation']),
};
const ACCOUNT_METRICS = new Set([
  'reach',
  'views',
  'follower_count',
  'accounts_engaged',
  'total_interactions',
  'likes',
  'comments',
  'shares',
  'saves',
  'replies',
  'profile_links_taps',
  'online_followers',
]);
const STORY_LIFETIME_MS = 86_400_000;
const MIN_FOLLOWERS = 100;

/** Media and account insights (network-apis.md 3.4): views-based names only; retired ones fail with code 100. */
export const registerInsightsRoutes: Register = (router, deps) => {
  const { state } = deps;
  router.add('GET', '/:id/insights', (request) => {
    const token = authorize(deps, request, 'instagram_business_manage_insights');
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const names = (request.params.metric ?? '').split(',').filter(Boolean);
    const media = state.media.get(id);
    const account = state.accounts.get(id);
    if (!media && !account) {
      return unknownObject(id);
    }
    const valid = media ? MEDIA_METRICS : ACCOUNT_METRICS;
    const bad = names.findIndex((name) => !valid.has(name));
    if (names.length === 0 || bad >= 0) {
      return invalidParameter(
        `metric[${Math.max(bad, 0)}] must be one of the following values: ${[...valid].join(', ')}`,
      );
    }
    const offered = media ? BY_PRODUCT[media.productType] : undefined;
    const unsupported = offered ? names.find((name) => !offered.has(name)) : undefined;
    if (unsupported) {
      return invalidParameter(
        `The Media Insights API does not support the ${unsupported} metric for this media product type`,
      );
    }
    if (media) {
      if (media.productType === 'STORY' && state.now() - media.timestamp > STORY_LIFETIME_MS) {
        return ok({ data: [] });
      }
      const live = [...state.comments.values()].filter(
        (comment) => comment.mediaId === id && !comment.deleted,
      ).length;
      const values: Record<string, number> = {
        views: media.viewers.size,
        reach: media.viewers.size,
        likes: media.likes.size,
        comments: live,
        shares: media.shares,
        saved: media.saves,
      };
      return ok({
        data: names.map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: values[name] ?? 0 }],
          title: name,
          id: `${id}/insights/${name}/lifetime`,
        })),
      });
    }
    if (names.includes('follower_count') && account!.followers < MIN_FOLLOWERS) {
      return graphError({
        code: 100,
        message: `(#100) follower_count is not available for accounts with fewer than ${MIN_FOLLOWERS} followers`,
      });
    }
    const owned = [...state.media.values()].filter((item) => item.ownerId === id);
    const views = owned.reduce((sum, item) => sum + item.viewers.size, 0);
    const reach = new Set(owned.flatMap((item) => [...item.viewers])).size;
    const totals: Record<string, number> = { views, reach, follower_count: 0 };
    return ok({
      data: names.map((name) => ({
        name,
        period: request.params.period ?? 'day',
        total_value: { value: totals[name] ?? 0 },
        id: `${id}/insights/${name}/day`,
      })),
    });
  });
};
