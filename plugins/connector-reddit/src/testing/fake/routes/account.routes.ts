import { httpError, type Exchange } from '../fake-http.js';
import { listingPage } from '../fake-listing.js';
import { renderPost } from '../fake-render.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import { newestFirst, type RedditFakeState, type SubredditRecord } from '../fake-state.js';

/** The subreddit a route names, answering 404 or 403 itself (private, banned, quarantined: moderators only). */
export function openSubreddit(
  state: RedditFakeState,
  exchange: Exchange,
  name: string,
): SubredditRecord | undefined {
  const subreddit = state.subreddit(name);
  if (!subreddit) {
    httpError(exchange, 404, 'Not Found');
    return undefined;
  }
  if (subreddit.closed && !exchange.user?.moderates.has(subreddit.name.toLowerCase())) {
    httpError(exchange, 403, 'Forbidden');
    return undefined;
  }
  return subreddit;
}

/** Media posts whose processing ends with this read of the author's submissions appear (or fail for good). */
function settlePending(state: RedditFakeState, authorId: string): void {
  for (const pending of [...state.pending]) {
    if (pending.post.authorId !== authorId) {
      continue;
    }
    pending.readsLeft -= 1;
    if (pending.readsLeft > 0) {
      continue;
    }
    state.pending.splice(state.pending.indexOf(pending), 1);
    if (!pending.fails) {
      state.posts.set(pending.post.name, pending.post);
      state.published.push(pending.post);
    }
  }
}

/** Who the account is, its submissions, and what subreddits accept (network-apis.md 12.1, 12.2, 12.6). */
export function accountRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  return [
    {
      method: 'GET',
      path: /^\/api\/v1\/me$/u,
      auth: 'bearer',
      scope: 'identity',
      handle(exchange) {
        const user = exchange.user!;
        const profile = state.subreddit(`u_${user.name}`);
        exchange.send(200, {
          id: user.id,
          name: user.name,
          icon_img: `https://styles.redditmedia.com/${user.id}.png`,
          created_utc: 1_600_000_000,
          subreddit: { display_name_prefixed: `u/${user.name}`, subscribers: profile?.subscribers.size ?? 0 },
        });
      },
    },
    {
      method: 'GET',
      path: /^\/user\/([\w-]+)\/submitted\/?$/u,
      auth: 'bearer',
      scope: 'history',
      handle(exchange, [name]) {
        const author = state.userByName(name!);
        if (!author) {
          return httpError(exchange, 404, 'Not Found');
        }
        settlePending(state, author.id);
        const sort = exchange.url.searchParams.get('sort') ?? 'new';
        if (sort !== 'new') {
          return httpError(exchange, 400, 'only sort=new is served by this fake');
        }
        const posts = newestFirst(
          [...state.posts.values()].filter((post) => post.authorId === author.id && !post.deleted),
        );
        const page = listingPage(
          exchange,
          posts.map((post) => ({ name: post.name, rendered: renderPost(state, post, exchange.user) })),
        );
        if (page) {
          exchange.send(200, page);
        }
      },
    },
    {
      method: 'GET',
      path: /^\/r\/(\w+)\/about\/?$/u,
      auth: 'bearer',
      scope: 'read',
      handle(exchange, [name]) {
        const subreddit = openSubreddit(state, exchange, name!);
        if (subreddit) {
          exchange.send(200, {
            kind: 't5',
            data: {
              display_name: subreddit.name,
              display_name_prefixed: subreddit.name.startsWith('u_')
                ? `u/${subreddit.name.slice(2)}`
                : `r/${subreddit.name}`,
              submission_type: subreddit.submissionType,
              allow_images: subreddit.allowImages,
              allow_videos: subreddit.allowVideos,
              allow_galleries: subreddit.allowGalleries,
              allow_videogifs: subreddit.allowVideogifs,
              allow_polls: false,
              subscribers: subreddit.subscribers.size,
              active_user_count: Math.min(1, subreddit.subscribers.size),
            },
          });
        }
      },
    },
    {
      method: 'GET',
      path: /^\/api\/v1\/(\w+)\/post_requirements\/?$/u,
      auth: 'bearer',
      scope: 'submit',
      handle(exchange, [name]) {
        const subreddit = openSubreddit(state, exchange, name!);
        if (subreddit) {
          exchange.send(200, {
            is_flair_required: false,
            title_regexes: [],
            title_required_strings: [],
            title_blacklisted_strings: [],
            body_restriction_policy: 'none',
            domain_whitelist: [],
            domain_blacklist: [],
            ...subreddit.requirements,
          });
        }
      },
    },
    {
      method: 'GET',
      path: /^\/r\/(\w+)\/api\/link_flair_v2\/?$/u,
      auth: 'bearer',
      scope: 'flair',
      handle(exchange, [name]) {
        const subreddit = openSubreddit(state, exchange, name!);
        if (subreddit) {
          exchange.send(
            200,
            subreddit.flairs.map((flair) => ({
              ...flair,
              type: 'text',
              text_color: 'dark',
              mod_only: false,
            })),
          );
        }
      },
    },
  ];
}
