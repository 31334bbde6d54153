import { field, formErrors, httpError, type Exchange } from '../fake-http.js';
import { plainListing } from '../fake-listing.js';
import { renderComment, renderMessage, renderPost } from '../fake-render.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import { newestFirst, nowSeconds, type CommentRecord, type RedditFakeState } from '../fake-state.js';
import { composeMessage } from './messages.routes.js';
import { throttled } from './submit.routes.js';

const MENTION = /(?:^|[^\w/])\/?u\/([\w-]{3,20})/gu;

/** Depth of a comment in its tree: 1 for a comment on the post. */
function depthOf(state: RedditFakeState, comment: CommentRecord): number {
  let depth = 1;
  for (
    let parent = state.comments.get(comment.parentName);
    parent;
    parent = state.comments.get(parent.parentName)
  ) {
    depth += 1;
  }
  return depth;
}

/** Orders of GET /comments/{article}: `new`, `old`; `top` and `confidence` by score. */
function sorted(comments: CommentRecord[], sort: string): CommentRecord[] {
  const byAge = newestFirst(comments);
  if (sort === 'old') {
    return byAge.reverse();
  }
  if (sort === 'top' || sort === 'confidence') {
    return byAge.sort((a, b) => b.upvoters.size - a.upvoters.size);
  }
  return byAge;
}

/** Comment trees, replies, lookups by fullname, votes and moderation (network-apis.md 12.3, 12.4). */
export function commentsRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;

  const addComment = (exchange: Exchange, postName: string, parentName: string, body: string) => {
    const user = exchange.user!;
    const id = state.newId();
    const comment: CommentRecord = {
      id,
      name: `t1_${id}`,
      postName,
      parentName,
      authorId: user.id,
      author: user.name,
      body,
      createdUtc: nowSeconds(),
      upvoters: new Set([user.id]),
      deleted: false,
      removed: false,
    };
    state.comments.set(comment.name, comment);
    const post = state.posts.get(postName)!;
    const parent = state.comments.get(parentName);
    const notified = new Set<string>([user.id]);
    if (parent) {
      notified.add(parent.authorId);
      if (parent.authorId !== user.id) {
        state.addInbox(parent.authorId, comment.name, 'comment_reply', comment.createdUtc);
      }
    } else if (post.sendReplies && post.authorId !== user.id) {
      notified.add(post.authorId);
      state.addInbox(post.authorId, comment.name, 'post_reply', comment.createdUtc);
    }
    for (const [, name] of body.matchAll(MENTION)) {
      const mentioned = state.userByName(name!);
      if (mentioned && !notified.has(mentioned.id)) {
        notified.add(mentioned.id);
        state.addInbox(mentioned.id, comment.name, 'username_mention', comment.createdUtc);
      }
    }
    return comment;
  };

  /** Moderators only: the subreddit of the thing must be one the user moderates. */
  const moderated = (exchange: Exchange) => {
    const name = field(exchange.body, 'id') ?? '';
    const thing = state.comments.get(name) ?? state.posts.get(name);
    const post = thing && 'postName' in thing ? state.posts.get(thing.postName) : thing;
    if (!thing || !post) {
      httpError(exchange, 404, 'Not Found');
      return undefined;
    }
    if (!exchange.user!.moderates.has(post.sr.toLowerCase())) {
      httpError(exchange, 403, 'Forbidden');
      return undefined;
    }
    return thing;
  };

  const info = (exchange: Exchange, names: string[]) => {
    const children = names.flatMap((name): unknown[] => {
      const post = state.posts.get(name);
      if (post) {
        return [renderPost(state, post, exchange.user)];
      }
      const comment = state.comments.get(name);
      return comment ? [renderComment(state, comment, exchange.user)] : [];
    });
    exchange.send(200, plainListing(children));
  };

  return [
    {
      method: 'GET',
      path: /^\/comments\/([a-z0-9]+)(?:\/[^/]*)?\/?$/u,
      auth: 'bearer',
      scope: 'read',
      handle(exchange, [id]) {
        const post = state.posts.get(`t3_${id!}`);
        if (!post) {
          return httpError(exchange, 404, 'Not Found');
        }
        const query = exchange.url.searchParams;
        const limit = Math.min(Number(query.get('limit') ?? 200), 500);
        const depth = Number(query.get('depth') ?? 10);
        if (query.get('threaded') !== 'false') {
          return httpError(exchange, 400, 'this fake serves threaded=false only');
        }
        const all = sorted(
          [...state.comments.values()].filter(
            (comment) => comment.postName === post.name && depthOf(state, comment) <= depth,
          ),
          query.get('sort') ?? 'confidence',
        );
        const shown = all.slice(0, limit).map((comment) => renderComment(state, comment, exchange.user));
        const rest = all.slice(limit);
        const children: unknown[] = [...shown];
        if (rest.length > 0) {
          // What did not fit is one `more` node, to expand with /api/morechildren.
          children.push({
            kind: 'more',
            data: {
              count: rest.length,
              name: 't1__',
              id: '_',
              parent_id: post.name,
              depth: 0,
              children: rest.map((comment) => comment.id),
            },
          });
        }
        exchange.send(200, [plainListing([renderPost(state, post, exchange.user)]), plainListing(children)]);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/morechildren$/u,
      auth: 'bearer',
      scope: 'read',
      handle(exchange) {
        const query = exchange.url.searchParams;
        if (query.get('api_type') !== 'json') {
          return httpError(exchange, 400, 'api_type=json is required');
        }
        const postName = query.get('link_id') ?? '';
        const ids = (query.get('children') ?? '').split(',').filter(Boolean);
        if (!state.posts.has(postName) || ids.length === 0) {
          return formErrors(exchange, ['INVALID_OPTION', 'link_id and children are required', 'children']);
        }
        const things = ids
          .slice(0, 100)
          .map((id) => state.comments.get(`t1_${id}`))
          .filter((comment): comment is CommentRecord => comment?.postName === postName)
          .map((comment) => renderComment(state, comment, exchange.user));
        exchange.send(200, { json: { errors: [], data: { things } } });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/comment$/u,
      auth: 'bearer',
      handle(exchange) {
        const thingId = field(exchange.body, 'thing_id') ?? '';
        const text = field(exchange.body, 'text') ?? '';
        const user = exchange.user!;
        const scope = thingId.startsWith('t4_') ? 'privatemessages' : 'submit';
        if (!exchange.token!.scopes.includes(scope)) {
          return httpError(exchange, 403, 'Forbidden');
        }
        const limited = throttled(deps, user);
        if (limited) {
          return formErrors(exchange, limited);
        }
        if (text.trim() === '') {
          return formErrors(exchange, ['NO_TEXT', 'we need something here', 'text']);
        }
        if ([...text].length > 10_000) {
          return formErrors(exchange, ['TOO_LONG', 'this is too long (max: 10000)', 'text']);
        }
        const message = state.messages.get(thingId);
        if (message) {
          const other = message.from === user.name ? message.to : message.from;
          const reply = composeMessage(
            state,
            user,
            other,
            `re: ${message.subject.replace(/^re: /u, '')}`,
            text,
            message,
          );
          return exchange.send(200, {
            json: { errors: [], data: { things: [renderMessage(reply, false)] } },
          });
        }
        const post = state.posts.get(thingId);
        const parent = state.comments.get(thingId);
        const postName = post?.name ?? parent?.postName;
        if (!postName || post?.deleted || parent?.deleted) {
          return formErrors(exchange, ['DELETED_COMMENT', 'that comment has been deleted', 'parent']);
        }
        const comment = addComment(exchange, postName, thingId, text);
        exchange.send(200, { json: { errors: [], data: { things: [renderComment(state, comment, user)] } } });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/info$/u,
      auth: 'bearer',
      scope: 'read',
      handle(exchange) {
        const ids = (exchange.url.searchParams.get('id') ?? '').split(',').filter(Boolean);
        if (ids.length > 100) {
          return httpError(exchange, 400, 'at most 100 ids');
        }
        info(exchange, ids);
      },
    },
    {
      method: 'GET',
      path: /^\/by_id\/([\w,]+)$/u,
      auth: 'bearer',
      scope: 'read',
      handle(exchange, [names]) {
        info(
          exchange,
          names!.split(',').filter((name) => name.startsWith('t3_')),
        );
      },
    },
    {
      method: 'POST',
      path: /^\/api\/remove$/u,
      auth: 'bearer',
      scope: 'modposts',
      handle(exchange) {
        const thing = moderated(exchange);
        if (thing && 'postName' in thing) {
          thing.removed = true;
        } else if (thing) {
          thing.removedBy = 'moderator';
        }
        if (thing) {
          exchange.send(200, {});
        }
      },
    },
    {
      method: 'POST',
      path: /^\/api\/approve$/u,
      auth: 'bearer',
      scope: 'modposts',
      handle(exchange) {
        const thing = moderated(exchange);
        if (thing && 'postName' in thing) {
          thing.removed = false;
        } else if (thing) {
          thing.removedBy = null;
        }
        if (thing) {
          exchange.send(200, {});
        }
      },
    },
    {
      method: 'POST',
      path: /^\/api\/vote$/u,
      auth: 'bearer',
      scope: 'vote',
      handle(exchange) {
        const thing =
          state.posts.get(field(exchange.body, 'id') ?? '') ??
          state.comments.get(field(exchange.body, 'id') ?? '');
        const dir = field(exchange.body, 'dir');
        if (!thing || !['1', '0', '-1'].includes(dir ?? '')) {
          return httpError(exchange, 400, 'id and dir (1, 0, -1) are required');
        }
        if (dir === '1') {
          thing.upvoters.add(exchange.user!.id);
        } else {
          thing.upvoters.delete(exchange.user!.id);
        }
        exchange.send(200, {});
      },
    },
  ];
}
