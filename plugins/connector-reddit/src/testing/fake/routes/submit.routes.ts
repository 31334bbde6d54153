import { field, flag, formErrors, httpError, type Exchange } from '../fake-http.js';
import { postPermalink } from '../fake-render.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import {
  nowSeconds,
  type GalleryItem,
  type PostKind,
  type PostRecord,
  type SubredditRecord,
  type UserRecord,
} from '../fake-state.js';

type Triple = [string, string, string];

const codePoints = (text: string) => [...text].length;
const KINDS: readonly PostKind[] = ['self', 'link', 'image', 'video', 'videogif'];

/** The RATELIMIT triple while the user is throttled, with the wait in Reddit's words. */
export function throttled(deps: RouteDeps, user: UserRecord): Triple | undefined {
  const until = deps.state.throttledUntil.get(user.id) ?? 0;
  const left = Math.ceil((until - Date.now()) / 1000);
  if (left <= 0) {
    return undefined;
  }
  const wait = left >= 60 ? `${Math.ceil(left / 60)} minutes` : `${left} seconds`;
  return [
    'RATELIMIT',
    `Looks like you've been doing that a lot. Take a break for ${wait} before trying again.`,
    'ratelimit',
  ];
}

/** What every kind of submission shares: subreddit, title, flair (network-apis.md 12.2). */
function commonChecks(
  deps: RouteDeps,
  user: UserRecord,
  body: Record<string, unknown>,
): Triple[] | SubredditRecord {
  const limited = throttled(deps, user);
  if (limited) {
    return [limited];
  }
  const subreddit = deps.state.subreddit(field(body, 'sr') ?? '');
  if (!subreddit) {
    return [['SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr']];
  }
  const moderator = user.moderates.has(subreddit.name.toLowerCase());
  if ((subreddit.closed || subreddit.name.startsWith('u_')) && !moderator) {
    return [['SUBREDDIT_NOTALLOWED', "you aren't allowed to post there.", 'sr']];
  }
  const errors: Triple[] = [];
  const title = field(body, 'title') ?? '';
  if (title.trim() === '') {
    errors.push(['NO_TEXT', 'we need something here', 'title']);
  } else if (codePoints(title) > 300) {
    errors.push(['TOO_LONG', 'this is too long (max: 300)', 'title']);
  }
  const flairId = field(body, 'flair_id');
  if (flairId && !subreddit.flairs.some((flair) => flair.id === flairId)) {
    errors.push(['INVALID_OPTION', "that option isn't valid", 'flair_id']);
  } else if (!flairId && subreddit.requirements.is_flair_required) {
    errors.push(['SUBMIT_VALIDATION_FLAIR_REQUIRED', 'Your post must contain post flair.', 'flair']);
  }
  return errors.length > 0 ? errors : subreddit;
}

/** Submissions, galleries and deletion. */
export function submitRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;

  const newPost = (
    exchange: Exchange,
    subreddit: SubredditRecord,
    kind: PostKind,
    content: { selftext?: string; url?: string; gallery?: GalleryItem[] },
  ): PostRecord => {
    const body = exchange.body;
    const user = exchange.user!;
    const id = state.newId();
    const flair = subreddit.flairs.find((item) => item.id === field(body, 'flair_id'));
    return {
      id,
      name: `t3_${id}`,
      sr: subreddit.name,
      authorId: user.id,
      author: user.name,
      title: field(body, 'title') ?? '',
      kind,
      selftext: content.selftext ?? '',
      url: content.url ?? '',
      createdUtc: nowSeconds(),
      nsfw: flag(body, 'nsfw', false),
      spoiler: flag(body, 'spoiler', false),
      sendReplies: flag(body, 'sendreplies', true),
      ...(flair
        ? { flair: { ...flair, shownText: (flair.text_editable && field(body, 'flair_text')) || flair.text } }
        : {}),
      gallery: content.gallery ?? [],
      upvoters: new Set([user.id]),
      crossposts: 0,
      viewCount: null,
      deleted: false,
      removedBy: null,
    };
  };

  const created = (exchange: Exchange, post: PostRecord) => {
    state.posts.set(post.name, post);
    state.published.push(post);
    exchange.send(200, {
      json: {
        errors: [],
        data: {
          url: `https://www.reddit.com${postPermalink(post)}`,
          drafts_count: 0,
          id: post.id,
          name: post.name,
        },
      },
    });
  };

  const uploaded = (url: string | undefined) =>
    url ? [...state.assets.values()].find((asset) => asset.location === url) : undefined;

  return [
    {
      method: 'POST',
      path: /^\/api\/submit$/u,
      auth: 'bearer',
      scope: 'submit',
      handle(exchange) {
        const { body } = exchange;
        if (field(body, 'api_type') !== 'json') {
          // Without api_type=json Reddit answers in its old jQuery format.
          return exchange.send(200, { jquery: [[0, 1, 'call', ['body']]], success: false });
        }
        const checked = commonChecks(deps, exchange.user!, body);
        if (Array.isArray(checked)) {
          return formErrors(exchange, ...checked);
        }
        const subreddit = checked;
        const kind = field(body, 'kind') as PostKind | undefined;
        if (!kind || !KINDS.includes(kind)) {
          return formErrors(exchange, ['INVALID_OPTION', "that option isn't valid", 'kind']);
        }
        if (kind === 'self') {
          const text = field(body, 'text') ?? '';
          if (subreddit.submissionType === 'link') {
            return formErrors(exchange, ['NO_SELFS', "that subreddit doesn't allow text posts", 'sr']);
          }
          if (codePoints(text) > 40_000) {
            return formErrors(exchange, ['TOO_LONG', 'this is too long (max: 40000)', 'text']);
          }
          return created(exchange, newPost(exchange, subreddit, 'self', { selftext: text }));
        }
        if (subreddit.submissionType === 'self') {
          return formErrors(exchange, ['NO_LINKS', 'that subreddit only allows text posts', 'sr']);
        }
        const url = field(body, 'url') ?? '';
        if (kind === 'link') {
          if (!/^https?:\/\/[^\s/]+\.[^\s]+$/iu.test(url)) {
            return formErrors(exchange, ['BAD_URL', 'you should check that url', 'url']);
          }
          const resubmit = flag(body, 'resubmit', true);
          const seen = [...state.posts.values()].some(
            (post) => post.sr === subreddit.name && post.kind === 'link' && post.url === url && !post.deleted,
          );
          if (!resubmit && seen) {
            return formErrors(exchange, ['ALREADY_SUB', 'that link has already been submitted', 'url']);
          }
          return created(exchange, newPost(exchange, subreddit, 'link', { url }));
        }
        const asset = uploaded(url);
        if (!asset) {
          return formErrors(exchange, ['BAD_URL', 'you should check that url', 'url']);
        }
        const allowed: Partial<Record<PostKind, boolean>> = {
          image: subreddit.allowImages,
          video: subreddit.allowVideos,
          videogif: subreddit.allowVideogifs,
        };
        if (!allowed[kind]) {
          return formErrors(exchange, [
            'INVALID_OPTION',
            `this community doesn't allow ${kind} posts`,
            'kind',
          ]);
        }
        if (kind === 'video' && !uploaded(field(body, 'video_poster_url'))) {
          return formErrors(exchange, [
            'NO_VIDEO_POSTER',
            'a video post needs a poster image',
            'video_poster_url',
          ]);
        }
        // Media posts are made once the media is processed: the answer names where to watch, not the post.
        state.pending.push({
          post: newPost(exchange, subreddit, kind, { url }),
          readsLeft: deps.settings.processingReads,
          fails: deps.takeProcessingFailure(),
        });
        exchange.send(200, {
          json: {
            errors: [],
            data: {
              user_submitted_page: `https://www.reddit.com/user/${exchange.user!.name}/submitted/`,
              websocket_url: `wss://ws-${asset.id}.wss.redditmedia.com/rte_images/${asset.id}?m=AQAA`,
            },
          },
        });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/submit_gallery_post\.json$/u,
      auth: 'bearer',
      scope: 'submit',
      handle(exchange) {
        const { body } = exchange;
        const checked = commonChecks(deps, exchange.user!, body);
        if (Array.isArray(checked)) {
          return formErrors(exchange, ...checked);
        }
        if (!checked.allowGalleries || checked.submissionType === 'self') {
          return formErrors(exchange, ['INVALID_OPTION', "this community doesn't allow galleries", 'items']);
        }
        const items = Array.isArray(body.items) ? (body.items as Record<string, unknown>[]) : [];
        if (items.length < 1 || items.length > 20) {
          return formErrors(exchange, ['INVALID_OPTION', 'a gallery holds 1 to 20 items', 'items']);
        }
        const gallery: GalleryItem[] = [];
        for (const item of items) {
          const asset = state.assets.get(String(item.media_id));
          if (!asset?.location || asset.userId !== exchange.user!.id) {
            return formErrors(exchange, [
              'MEDIA_NOT_FOUND',
              `no uploaded media ${String(item.media_id)}`,
              'items',
            ]);
          }
          const caption = typeof item.caption === 'string' ? item.caption : '';
          if (codePoints(caption) > 180) {
            return formErrors(exchange, ['TOO_LONG', 'this is too long (max: 180)', 'items']);
          }
          gallery.push({
            assetId: asset.id,
            caption,
            outboundUrl: typeof item.outbound_url === 'string' ? item.outbound_url : '',
          });
        }
        created(exchange, newPost(exchange, checked, 'gallery', { gallery }));
      },
    },
    {
      method: 'POST',
      path: /^\/api\/del$/u,
      auth: 'bearer',
      scope: 'edit',
      handle(exchange) {
        const name = field(exchange.body, 'id') ?? '';
        const thing = state.posts.get(name) ?? state.comments.get(name);
        if (thing && thing.authorId !== exchange.user!.id) {
          return httpError(exchange, 403, 'Forbidden');
        }
        if (thing) {
          thing.deleted = true;
        }
        // Reddit answers {} whether or not there was anything to delete.
        exchange.send(200, {});
      },
    },
  ];
}
