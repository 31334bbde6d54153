import { graphError, invalidParameter, ok, unknownObject } from '@chorus/meta-graph/testing';
import type { FacebookState, PostRecord } from '../facebook-state.js';
import { authorize, isResponse, type Register } from '../route-deps.js';

const PAGE_METRICS = new Set([
  'page_media_view',
  'page_total_media_view_unique',
  'page_post_engagements',
  'page_follows',
  'page_daily_follows',
  'page_daily_follows_unique',
  'page_daily_unfollows_unique',
  'page_views_total',
]);
const POST_METRICS = new Set([
  'post_media_view',
  'post_total_media_view_unique',
  'post_reactions_by_type_total',
  'post_clicks',
  'post_clicks_by_type',
]);
const PERIODS = new Set(['day', 'week', 'days_28', 'lifetime', 'total_over_range']);
const MAX_WINDOW_S = 90 * 86_400;
const MIN_FOLLOWERS = 100;

/** /insights on Pages and posts (network-apis.md 2.4): views metrics only; retired names fail with code 100. */
export const registerInsightsRoutes: Register = (router, deps) => {
  const { state } = deps;
  router.add('GET', '/:id/insights', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'read_insights' });
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const pageRecord = state.pages.get(id);
    const post = state.livePost(id);
    if (!pageRecord && !post) {
      return unknownObject(id);
    }
    const names = (request.params.metric ?? '').split(',').filter(Boolean);
    const valid = pageRecord ? PAGE_METRICS : POST_METRICS;
    const invalid = names.find((name) => !valid.has(name));
    if (names.length === 0 || invalid) {
      return invalidParameter(`The value must be a valid insights metric${invalid ? ` (${invalid})` : ''}`);
    }
    const period = request.params.period ?? (post ? 'lifetime' : 'day');
    if (!PERIODS.has(period)) {
      return invalidParameter(`period must be one of the following values: ${[...PERIODS].join(', ')}`);
    }
    const since = request.params.since ? Number(request.params.since) : undefined;
    const until = request.params.until ? Number(request.params.until) : undefined;
    if (since !== undefined && until !== undefined && until - since > MAX_WINDOW_S) {
      return invalidParameter('There cannot be more than 90 days (7776000 s) between since and until');
    }
    const owner = state.pages.get(pageRecord?.id ?? post!.pageId)!;
    if (owner.followers < MIN_FOLLOWERS) {
      return graphError({
        code: 100,
        message: `(#100) Insights are not available for Pages with fewer than ${MIN_FOLLOWERS} followers`,
      });
    }
    const endTime = new Date(Math.floor(state.now() / 86_400_000 + 1) * 86_400_000)
      .toISOString()
      .replace(/\.\d{3}Z$/u, '+0000');
    const data = names.map((name) => ({
      name,
      period,
      values: [{ value: value(state, name, pageRecord ? pagePosts(state, id) : [post!]), end_time: endTime }],
      title: name,
      description: `Fake ${name}`,
      id: `${id}/insights/${name}/${period}`,
    }));
    return ok({ data, paging: {} });
  });
};

function pagePosts(state: FacebookState, pageId: string): PostRecord[] {
  return [...state.posts.values()].filter((post) => post.pageId === pageId && !post.deleted);
}

function value(state: FacebookState, name: string, posts: PostRecord[]): number | Record<string, number> {
  const views = posts.reduce((sum, post) => sum + post.viewers.length, 0);
  const unique = new Set(posts.flatMap((post) => post.viewers)).size;
  switch (name) {
    case 'page_media_view':
    case 'post_media_view':
      // Object-valued: broken down into paid and organic (all organic here).
      return { organic: views, paid: 0 };
    case 'page_total_media_view_unique':
    case 'post_total_media_view_unique':
      return unique;
    case 'post_reactions_by_type_total':
      return { like: posts.reduce((sum, post) => sum + post.reactions.size, 0) };
    case 'page_follows':
      return state.pages.get(posts[0]?.pageId ?? '')?.followers ?? 0;
    default:
      return 0;
  }
}
