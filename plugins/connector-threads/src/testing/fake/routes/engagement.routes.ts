import { graphError, invalidParameter, ok, page, unknownObject } from '@chorus/meta-graph/testing';
import type { PostRecord } from '../threads-state.js';
import { authorize, isResponse, type Register } from '../route-deps.js';
import { renderPost } from './publish.routes.js';

const POST_METRICS = new Set(['views', 'likes', 'replies', 'reposts', 'quotes', 'shares']);
const USER_METRICS = new Set([
  'views',
  'likes',
  'replies',
  'reposts',
  'quotes',
  'clicks',
  'followers_count',
  'follower_demographics',
]);
// User insights cannot start before 13 Apr 2024 (4.4).
const EARLIEST = 1_712_991_600;

/** Profiles, containers and posts by id, replies, moderation, mentions and insights (4.3, 4.4). */
export const registerEngagementRoutes: Register = (router, deps) => {
  const { state } = deps;
  const below = (root: string, all = false) =>
    [...state.posts.values()].filter(
      (post) => !post.deleted && post.id !== root && (all ? post.rootId === root : post.replyToId === root),
    );
  const self = (path: string) => `${deps.baseUrl()}/v1.0${path}`;

  router.add('GET', '/:id', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id === 'me' ? token.subject : request.pathParams.id!;
    const user = state.users.get(id);
    if (user && token.subject !== user.id) {
      state.profileViews.push({ userId: user.id, at: state.now() });
    }
    if (user) {
      return ok({ id: user.id, username: user.username, name: user.username, threads_biography: '' });
    }
    const container = state.containers.get(id);
    if (container) {
      if (container.status === 'IN_PROGRESS' && (container.pollsLeft -= 1) <= 0) {
        container.status = container.errorMessage ? 'ERROR' : 'FINISHED';
      }
      if (container.status === 'FINISHED' && state.now() - container.createdAt > 86_400_000) {
        container.status = 'EXPIRED';
      }
      return ok({
        id,
        status: container.status,
        ...(container.status === 'ERROR' ? { error_message: container.errorMessage } : {}),
      });
    }
    const post = state.livePost(id);
    if (!post) {
      return unknownObject(id);
    }
    if (token.subject !== post.ownerId) {
      post.viewers.add(token.subject);
    }
    return ok(renderPost(post, deps));
  });

  router.add('GET', '/:post/replies', (request) => {
    const token = authorize(deps, request, 'threads_read_replies');
    if (isResponse(token)) {
      return token;
    }
    return ok(
      page(
        below(request.pathParams.post!).map((post) => renderPost(post, deps)),
        request.query,
        self(request.path),
      ),
    );
  });

  router.add('GET', '/:post/conversation', (request) => {
    const token = authorize(deps, request, 'threads_read_replies');
    if (isResponse(token)) {
      return token;
    }
    return ok(
      page(
        below(request.pathParams.post!, true).map((post) => renderPost(post, deps)),
        request.query,
        self(request.path),
      ),
    );
  });

  router.add('POST', '/:reply/manage_reply', (request) => {
    const token = authorize(deps, request, 'threads_manage_replies');
    if (isResponse(token)) {
      return token;
    }
    const reply = state.livePost(request.pathParams.reply!);
    if (!reply || !reply.replyToId) {
      return unknownObject(request.pathParams.reply!);
    }
    const root = state.posts.get(reply.rootId)!;
    if (root.ownerId !== token.subject) {
      return graphError({
        code: 10,
        message: '(#10) Only the author of the root post can manage its replies',
      });
    }
    if (reply.replyToId !== reply.rootId) {
      return invalidParameter('Only top-level replies can be hidden or unhidden');
    }
    reply.hidden = request.params.hide === 'true';
    return ok({ success: true });
  });

  router.add('GET', '/:user/mentions', (request) => {
    const token = authorize(deps, request, 'threads_manage_mentions');
    if (isResponse(token)) {
      return token;
    }
    const username = state.users.get(token.subject)?.username ?? '';
    const items = [...state.posts.values()]
      .filter((post) => !post.deleted && post.mentions.includes(username))
      .reverse();
    return ok(
      page(
        items.map((post) => renderPost(post, deps)),
        request.query,
        self(request.path),
      ),
    );
  });

  router.add('GET', '/:post/insights', (request) => {
    const token = authorize(deps, request, 'threads_manage_insights');
    if (isResponse(token)) {
      return token;
    }
    const post = state.livePost(request.pathParams.post!);
    if (!post) {
      return unknownObject(request.pathParams.post!);
    }
    const names = metrics(request.params.metric, POST_METRICS);
    if (typeof names === 'string') {
      return invalidParameter(names);
    }
    const values: Record<string, number> = {
      views: post.viewers.size,
      likes: post.likes.size,
      replies: below(post.id).length,
      reposts: post.reposts,
    };
    return ok({
      data: names.map((name) => ({
        name,
        period: 'lifetime',
        values: [{ value: values[name] ?? 0 }],
        id: `${post.id}/insights/${name}/lifetime`,
      })),
    });
  });

  router.add('GET', '/:user/threads_insights', (request) => {
    const token = authorize(deps, request, 'threads_manage_insights');
    if (isResponse(token)) {
      return token;
    }
    const user = state.users.get(request.pathParams.user === 'me' ? token.subject : request.pathParams.user!);
    if (!user) {
      return unknownObject(request.pathParams.user!);
    }
    const names = metrics(request.params.metric, USER_METRICS);
    if (typeof names === 'string') {
      return invalidParameter(names);
    }
    const since = Number(request.params.since ?? EARLIEST);
    if (since < EARLIEST) {
      return invalidParameter(`since cannot be earlier than ${EARLIEST} (13 April 2024)`);
    }
    const until = Number(request.params.until ?? Math.floor(state.now() / 1000)) * 1000;
    const own = [...state.posts.values()].filter(
      (post) => post.ownerId === user.id && post.timestamp >= since * 1000 && post.timestamp <= until,
    );
    const sum = (pick: (post: PostRecord) => number) => own.reduce((total, post) => total + pick(post), 0);
    const totals: Record<string, number> = {
      likes: sum((post) => post.likes.size),
      replies: sum((post) => below(post.id).length),
      reposts: sum((post) => post.reposts),
      // followers_count is the current total, whatever the range.
      followers_count: user.followers,
    };
    return ok({
      data: names.map((name) =>
        name === 'views'
          ? { name, period: 'day', values: dailyViews(state.profileViews, user.id, since * 1000, until) }
          : { name, period: 'day', total_value: { value: totals[name] ?? 0 } },
      ),
    });
  });
};

function metrics(raw: string | undefined, valid: Set<string>): string[] | string {
  const names = (raw ?? '').split(',').filter(Boolean);
  const bad = names.find((name) => !valid.has(name));
  return names.length === 0 || bad
    ? `metric ${bad ?? ''} must be one of the following values: ${[...valid].join(', ')}`
    : names;
}

const DAY_MS = 86_400_000;

/** Profile views as Threads gives them: one value per day of the range, each with the day's end (4.4). */
function dailyViews(
  views: readonly { readonly userId: string; readonly at: number }[],
  userId: string,
  from: number,
  until: number,
): { value: number; end_time: string }[] {
  const days: { value: number; end_time: string }[] = [];
  for (let start = from; start < until; start += DAY_MS) {
    const end = Math.min(start + DAY_MS, until);
    const value = views.filter((view) => view.userId === userId && view.at >= start && view.at < end).length;
    days.push({ value, end_time: new Date(end).toISOString().replace(/\.\d{3}Z$/u, '+0000') });
  }
  return days;
}
