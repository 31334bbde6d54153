import { fail, ok, objectField, type Exchange } from '../fake-http.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import type { PostRecord } from '../fake-state.js';

const BASIC = new Set(['open_id', 'union_id', 'avatar_url', 'display_name']);
const PROFILE = new Set(['username', 'bio_description', 'is_verified', 'profile_deep_link']);
const STATS = new Set(['follower_count', 'following_count', 'likes_count', 'video_count']);
const VIDEO_FIELDS = new Set([
  'id',
  'create_time',
  'title',
  'video_description',
  'duration',
  'cover_image_url',
  'share_url',
  'embed_link',
  'view_count',
  'like_count',
  'comment_count',
  'share_count',
]);

const fieldsOf = (exchange: Exchange) =>
  (exchange.url.searchParams.get('fields') ?? '')
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);

/** The Display API (network-apis.md 7.3): user info by scope, the user's videos with a time cursor, lookups. */
export function displayRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;

  const videoJson = (post: PostRecord, fields: readonly string[]) => {
    const owner = state.users.get(post.openId);
    const all: Record<string, unknown> = {
      id: post.id,
      create_time: Math.floor(post.createdAt / 1000),
      title: post.title,
      video_description: post.description,
      duration: post.kind === 'video' ? 12 : 0,
      cover_image_url: `https://p16.tiktokcdn.test/${post.id}.jpeg`,
      share_url: `https://www.tiktok.com/@${owner?.username ?? 'user'}/video/${post.id}`,
      embed_link: `https://www.tiktok.com/embed/v2/${post.id}`,
      view_count: post.views,
      like_count: post.likes,
      comment_count: post.comments.length,
      share_count: post.shares,
    };
    return Object.fromEntries(fields.map((field) => [field, all[field]]));
  };

  /** Unknown fields are refused; so are fields the token has no scope for. */
  const checkFields = (exchange: Exchange, fields: readonly string[], known: (field: string) => boolean) => {
    const unknown = fields.filter((field) => !known(field));
    if (fields.length === 0 || unknown.length > 0) {
      fail(exchange, 400, 'invalid_params', `Unknown or missing fields: ${unknown.join(',') || '(none)'}.`);
      return false;
    }
    return true;
  };

  return [
    {
      method: 'GET',
      path: /^\/v2\/user\/info\/$/u,
      auth: 'user',
      bucket: 'user.info',
      scopes: ['user.info.basic'],
      handle(exchange) {
        const fields = fieldsOf(exchange);
        const known = (field: string) => BASIC.has(field) || PROFILE.has(field) || STATS.has(field);
        if (!checkFields(exchange, fields, known)) {
          return;
        }
        const scopes = exchange.token!.scopes;
        for (const [set, scope] of [
          [PROFILE, 'user.info.profile'],
          [STATS, 'user.info.stats'],
        ] as const) {
          if (fields.some((field) => set.has(field)) && !scopes.includes(scope)) {
            return fail(
              exchange,
              401,
              'scope_not_authorized',
              `The fields asked for need the ${scope} scope.`,
            );
          }
        }
        const user = exchange.user!;
        const posts = [...state.posts.values()].filter((post) => post.openId === user.openId);
        const all: Record<string, unknown> = {
          open_id: user.openId,
          union_id: user.unionId,
          avatar_url: `https://p16.tiktokcdn.test/${user.username}.jpeg`,
          display_name: user.displayName,
          username: user.username,
          bio_description: '',
          is_verified: false,
          profile_deep_link: `https://vm.tiktok.com/${user.username}`,
          follower_count: user.followers.size,
          following_count: 0,
          likes_count: posts.reduce((sum, post) => sum + post.likes, 0),
          video_count: posts.length,
        };
        ok(exchange, { user: Object.fromEntries(fields.map((field) => [field, all[field]])) });
      },
    },
    {
      method: 'POST',
      path: /^\/v2\/video\/list\/$/u,
      auth: 'user',
      bucket: 'video.list',
      scopes: ['video.list'],
      handle(exchange) {
        const fields = fieldsOf(exchange);
        if (!checkFields(exchange, fields, (field) => VIDEO_FIELDS.has(field))) {
          return;
        }
        const maxCount = exchange.body.max_count ?? 10;
        const cursor = exchange.body.cursor;
        if (!Number.isInteger(maxCount) || (maxCount as number) < 1 || (maxCount as number) > 20) {
          return fail(exchange, 400, 'invalid_params', 'max_count must be 1 to 20.');
        }
        if (cursor !== undefined && !Number.isInteger(cursor)) {
          return fail(exchange, 400, 'invalid_params', 'cursor must be an integer (a UTC time in ms).');
        }
        const user = exchange.user!;
        deps.processing.advanceAll(user.openId);
        // Newest first; the cursor is the create time (ms) of the last video of the previous page.
        const mine = [...state.posts.values()]
          .filter(
            (post) =>
              post.openId === user.openId && (cursor === undefined || post.createdAt < (cursor as number)),
          )
          .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
        const page = mine.slice(0, maxCount as number);
        ok(exchange, {
          videos: page.map((post) => videoJson(post, fields)),
          cursor: page.at(-1)?.createdAt ?? (cursor as number | undefined) ?? 0,
          has_more: mine.length > page.length,
        });
      },
    },
    {
      method: 'POST',
      path: /^\/v2\/video\/query\/$/u,
      auth: 'user',
      bucket: 'video.query',
      scopes: ['video.list'],
      handle(exchange) {
        const fields = fieldsOf(exchange);
        if (!checkFields(exchange, fields, (field) => VIDEO_FIELDS.has(field))) {
          return;
        }
        const ids = objectField(exchange.body, 'filters').video_ids;
        if (
          !Array.isArray(ids) ||
          ids.length === 0 ||
          ids.length > 20 ||
          !ids.every((id) => typeof id === 'string')
        ) {
          return fail(exchange, 400, 'invalid_params', 'filters.video_ids must hold 1 to 20 id strings.');
        }
        const user = exchange.user!;
        const found = ids
          .map((id) => state.posts.get(id))
          .filter((post): post is PostRecord => post !== undefined && post.openId === user.openId);
        ok(exchange, { videos: found.map((post) => videoJson(post, fields)) });
      },
    },
  ];
}
