import { problem } from '../x-fake-http.js';
import { paginate } from '../x-fake-pagination.js';
import { includesFor, notFoundError, renderPostWithReplies, renderUser } from '../x-fake-render.js';
import type { Route, RouteDeps } from '../x-fake-routing.js';
import type { PostRecord } from '../x-fake-state.js';

/** The authenticated user, user lookup, a user's posts and mentions timelines. */
export function usersRoutes({ state }: RouteDeps): Route[] {
  const timeline = (endpoint: string, pick: (userId: string) => PostRecord[] | undefined): Route => ({
    method: 'GET',
    path: new RegExp(`^/2/users/(\\d+)/${endpoint === 'users.tweets' ? 'tweets' : 'mentions'}$`, 'u'),
    endpoint,
    auth: 'user',
    scopes: ['tweet.read', 'users.read'],
    handle(exchange, [userId]) {
      const posts = pick(userId!);
      if (!posts) {
        return exchange.send(200, { errors: [notFoundError(userId!, 'user')] });
      }
      const page = paginate(exchange, posts, { min: 5, max: 100, fallback: 10 });
      if (!page) {
        return;
      }
      const includes = includesFor(state, page.items, exchange.url);
      exchange.send(200, {
        ...(page.items.length > 0
          ? {
              data: page.items.map((post) =>
                renderPostWithReplies(state, post, exchange.url, exchange.user?.id),
              ),
            }
          : {}),
        ...(includes ? { includes } : {}),
        meta: page.meta,
      });
    },
  });

  return [
    {
      method: 'GET',
      path: /^\/2\/users\/me$/u,
      endpoint: 'users.me',
      auth: 'user',
      scopes: ['tweet.read', 'users.read'],
      handle(exchange) {
        exchange.send(200, { data: renderUser(exchange.user!, exchange.url) });
      },
    },
    timeline('users.tweets', (userId) =>
      state.users.has(userId)
        ? [...state.posts.values()].filter((post) => post.authorId === userId && !post.deleted)
        : undefined,
    ),
    timeline('users.mentions', (userId) => {
      const user = state.users.get(userId);
      return user ? state.mentionsOf(user) : undefined;
    }),
    {
      method: 'GET',
      path: /^\/2\/users\/(\d+)$/u,
      endpoint: 'users.lookup',
      auth: 'user',
      scopes: ['tweet.read', 'users.read'],
      handle(exchange, [userId]) {
        const user = state.users.get(userId!);
        if (!user) {
          return problem(
            exchange,
            404,
            'resource-not-found',
            'Not Found Error',
            `Could not find user with id: [${userId}].`,
          );
        }
        exchange.send(200, { data: renderUser(user, exchange.url) });
      },
    },
  ];
}
