import { invalidRequest, problem, type Exchange } from '../x-fake-http.js';
import { includesFor, notFoundError, renderPostWithReplies } from '../x-fake-render.js';
import type { Route, RouteDeps } from '../x-fake-routing.js';
import type { MediaRecord, PostRecord, UserRecord, XFakeState } from '../x-fake-state.js';
import { shownText } from '../x-fake-tco.js';
import { cashtagCount, MAX_WEIGHTED_LENGTH, weightedLength } from '../x-fake-text.js';

const DUPLICATE = 'You are not allowed to create a Tweet with duplicate content.';
const NOT_SUMMONED =
  'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post being replied to.';
// X refuses identical text to a recent post of the same account.
const DUPLICATE_WINDOW_MS = 24 * 3600 * 1000;

const forbidden = (exchange: Exchange, detail: string) =>
  problem(exchange, 403, 'about:blank', 'Forbidden', detail);

/** A reply is summoned when the author of the post it answers mentioned the replier, answered them, or is them. */
function summoned(state: XFakeState, replier: UserRecord, target: PostRecord): boolean {
  if (target.authorId === replier.id || target.inReplyToUserId === replier.id) {
    return true;
  }
  return new RegExp(`(^|[^\\w])@${replier.username}\\b`, 'iu').test(target.text);
}

/** Up to 4 photos, or 1 GIF, or 1 video; all processed, owned and unexpired. */
function checkMedia(state: XFakeState, user: UserRecord, ids: unknown): MediaRecord[] | string {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    return 'media.media_ids must be a non-empty array of strings.';
  }
  if (ids.length > 4) {
    return 'Your media IDs are invalid: there can be a maximum of 4 items.';
  }
  const media: MediaRecord[] = [];
  for (const id of ids as string[]) {
    const item = state.media.get(id);
    if (!item || item.ownerId !== user.id || item.expiresAt < Date.now()) {
      return 'Your media IDs are invalid.';
    }
    if (item.state !== 'succeeded') {
      return `Media ${id} is not ready: processing is ${item.state}.`;
    }
    media.push(item);
  }
  const single = media.filter((item) => item.category === 'tweet_video' || item.category === 'tweet_gif');
  if (single.length > 0 && media.length > 1) {
    return 'A post can carry up to 4 photos, or 1 GIF, or 1 video.';
  }
  return media;
}

function checkPoll(poll: unknown): PostRecord['poll'] | string {
  const value = poll as { options?: unknown; duration_minutes?: unknown };
  const options = value.options;
  if (!Array.isArray(options) || options.length < 2 || options.length > 4) {
    return 'poll.options must have 2 to 4 options.';
  }
  if (options.some((option) => typeof option !== 'string' || option.length < 1 || option.length > 25)) {
    return 'Each poll option must be 1 to 25 characters.';
  }
  const duration = value.duration_minutes;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 5 || duration > 10_080) {
    return 'poll.duration_minutes must be an integer from 5 to 10080.';
  }
  return { options: options as string[], durationMinutes: duration };
}

export function tweetsRoutes({ state, config }: RouteDeps): Route[] {
  const create = (exchange: Exchange) => {
    const user = exchange.user!;
    const body = exchange.body;
    const text = typeof body.text === 'string' ? body.text : '';
    const mediaField = body.media as { media_ids?: unknown } | undefined;
    if (text === '' && !mediaField) {
      return invalidRequest(
        exchange,
        'One or more parameters to your request was invalid: text or media is required.',
      );
    }
    if (weightedLength(text) > MAX_WEIGHTED_LENGTH) {
      return forbidden(exchange, 'Your Tweet text is too long.');
    }
    if (cashtagCount(text) > 1) {
      return forbidden(exchange, 'There can be a maximum of one cashtag in a Tweet.');
    }
    if (mediaField && body.poll) {
      return invalidRequest(exchange, 'poll and media are mutually exclusive.');
    }
    const media = mediaField ? checkMedia(state, user, mediaField.media_ids) : [];
    if (typeof media === 'string') {
      return invalidRequest(exchange, media);
    }
    const poll = body.poll ? checkPoll(body.poll) : null;
    if (typeof poll === 'string') {
      return invalidRequest(exchange, poll);
    }
    if (body.quote_tweet_id !== undefined && config.selfServe && exchange.token?.selfServeApp) {
      return forbidden(exchange, 'Your account is not permitted to access this feature.');
    }
    let inReplyTo: PostRecord | undefined;
    const reply = body.reply as { in_reply_to_tweet_id?: unknown } | undefined;
    if (reply) {
      inReplyTo = state.livePost(String(reply.in_reply_to_tweet_id));
      if (!inReplyTo) {
        return invalidRequest(exchange, 'The post you are replying to does not exist or has been deleted.');
      }
      if (config.selfServe && exchange.token?.selfServeApp && !summoned(state, user, inReplyTo)) {
        return forbidden(exchange, NOT_SUMMONED);
      }
    }
    const recent = [...state.posts.values()].some(
      (post) =>
        post.authorId === user.id &&
        !post.deleted &&
        text !== '' &&
        post.text === text &&
        Date.now() - post.createdAt < DUPLICATE_WINDOW_MS,
    );
    if (recent) {
      return forbidden(exchange, DUPLICATE);
    }
    const post = state.createPost(user, {
      text,
      inReplyTo,
      mediaKeys: media.map((item) => item.mediaKey),
      poll,
    });
    exchange.send(201, {
      data: { id: post.id, text: shownText(post.text).text, edit_history_tweet_ids: [post.id] },
    });
  };

  return [
    {
      method: 'POST',
      path: /^\/2\/tweets$/u,
      endpoint: 'tweets.create',
      auth: 'user',
      scopes: ['tweet.read', 'tweet.write', 'users.read'],
      handle: create,
    },
    {
      method: 'DELETE',
      path: /^\/2\/tweets\/(\d+)$/u,
      endpoint: 'tweets.delete',
      auth: 'user',
      scopes: ['tweet.read', 'tweet.write', 'users.read'],
      handle(exchange, [id]) {
        const post = state.livePost(id!);
        if (!post) {
          return problem(
            exchange,
            404,
            'resource-not-found',
            'Not Found Error',
            `Could not find post with id: [${id}].`,
          );
        }
        if (post.authorId !== exchange.user!.id) {
          return problem(
            exchange,
            403,
            'not-authorized-for-resource',
            'Forbidden',
            'You are not allowed to delete this post.',
          );
        }
        post.deleted = true;
        exchange.send(200, { data: { deleted: true } });
      },
    },
    {
      method: 'GET',
      path: /^\/2\/tweets\/(\d+)$/u,
      endpoint: 'tweet.lookup',
      auth: 'user',
      scopes: ['tweet.read', 'users.read'],
      handle(exchange, [id]) {
        const post = state.livePost(id!);
        // A missing post is HTTP 200 with only `errors` (partial-success envelope).
        if (!post) {
          return exchange.send(200, { errors: [notFoundError(id!)] });
        }
        const includes = includesFor(state, [post], exchange.url);
        exchange.send(200, {
          data: renderPostWithReplies(state, post, exchange.url, exchange.user?.id),
          ...(includes ? { includes } : {}),
        });
      },
    },
    {
      method: 'GET',
      path: /^\/2\/tweets$/u,
      endpoint: 'tweets.lookup',
      auth: 'user',
      scopes: ['tweet.read', 'users.read'],
      handle(exchange) {
        const ids = (exchange.url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        if (ids.length === 0 || ids.length > 100 || ids.some((id) => !/^\d{1,19}$/u.test(id))) {
          return invalidRequest(
            exchange,
            'The `ids` query parameter must hold 1 to 100 comma-separated post ids.',
          );
        }
        const found = ids
          .map((id) => state.livePost(id))
          .filter((post): post is PostRecord => post !== undefined);
        const missing = ids.filter((id) => !state.livePost(id));
        const includes = includesFor(state, found, exchange.url);
        exchange.send(200, {
          ...(found.length > 0
            ? {
                data: found.map((post) =>
                  renderPostWithReplies(state, post, exchange.url, exchange.user?.id),
                ),
              }
            : {}),
          ...(includes ? { includes } : {}),
          ...(missing.length > 0 ? { errors: missing.map((id) => notFoundError(id)) } : {}),
        });
      },
    },
    {
      method: 'PUT',
      path: /^\/2\/tweets\/(\d+)\/hidden$/u,
      endpoint: 'tweets.hidden',
      auth: 'user',
      scopes: ['tweet.read', 'tweet.moderate.write', 'users.read'],
      handle(exchange, [id]) {
        const post = state.livePost(id!);
        if (!post) {
          return problem(
            exchange,
            404,
            'resource-not-found',
            'Not Found Error',
            `Could not find post with id: [${id}].`,
          );
        }
        const root = state.posts.get(post.conversationId);
        if (!post.inReplyToId || root?.authorId !== exchange.user!.id) {
          return problem(
            exchange,
            403,
            'not-authorized-for-resource',
            'Forbidden',
            'You can only hide replies in conversations you started.',
          );
        }
        if (typeof exchange.body.hidden !== 'boolean') {
          return invalidRequest(exchange, '`hidden` must be true or false.');
        }
        post.hidden = exchange.body.hidden;
        exchange.send(200, { data: { hidden: post.hidden } });
      },
    },
    {
      method: 'POST',
      path: /^\/2\/users\/(\d+)\/(likes|retweets)$/u,
      auth: 'user',
      scopes: ['tweet.read', 'users.read'],
      handle(exchange, [userId, what]) {
        if (userId !== exchange.user!.id) {
          return forbidden(exchange, 'You can only act for the authenticated user.');
        }
        const post = state.livePost(String(exchange.body.tweet_id));
        if (!post) {
          return invalidRequest(exchange, 'tweet_id does not name an existing post.');
        }
        (what === 'likes' ? post.likes : post.reposts).add(userId);
        exchange.send(200, { data: what === 'likes' ? { liked: true } : { retweeted: true } });
      },
    },
  ];
}
