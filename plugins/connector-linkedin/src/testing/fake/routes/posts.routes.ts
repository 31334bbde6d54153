import { mayActAs, notify, POSTING_ROLES, READING_ROLES } from '../fake-activity.js';
import { duplicateBody, inputError, type Route, type RouteContext } from '../fake-http.js';
import type { PostRecord } from '../fake-state.js';
import { decodePathUrn, renderLittleText } from '../restli.js';

const MAX_COMMENTARY = 3000;
const POLL_DURATIONS = ['ONE_DAY', 'THREE_DAYS', 'SEVEN_DAYS', 'FOURTEEN_DAYS'];
const VISIBILITIES = ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'];

export function renderPost(post: PostRecord) {
  return {
    id: post.urn,
    author: post.author,
    commentary: post.commentary,
    visibility: post.visibility,
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    ...(post.content ? { content: post.content } : {}),
    ...(post.reshareParent ? { reshareContext: { parent: post.reshareParent } } : {}),
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    createdAt: post.createdAt,
    publishedAt: post.createdAt,
    lastModifiedAt: post.createdAt,
  };
}

/** Why LinkedIn would refuse this content, in its 422 body; null when it is acceptable. */
function contentProblem(context: RouteContext, author: string, content: unknown): object | null {
  if (content === undefined) {
    return null;
  }
  const value = content as Record<string, unknown>;
  const usable = (urn: unknown, kind: 'image' | 'video') => {
    const media = typeof urn === 'string' ? context.state.media.get(urn) : undefined;
    return (
      media !== undefined && media.kind === kind && media.owner === author && media.status === 'AVAILABLE'
    );
  };
  if (value.media !== undefined) {
    const media = value.media as { id?: unknown };
    const kind = String(media.id).startsWith('urn:li:video:') ? 'video' : 'image';
    return usable(media.id, kind)
      ? null
      : inputError('/content/media/id', `${String(media.id)} is not an AVAILABLE ${kind} of ${author}`);
  }
  if (value.multiImage !== undefined) {
    const images = (value.multiImage as { images?: { id?: unknown }[] }).images ?? [];
    if (images.length < 2 || images.length > 20) {
      return inputError('/content/multiImage/images', 'a multi-image post has 2 to 20 images');
    }
    const bad = images.find((image) => !usable(image.id, 'image'));
    return bad
      ? inputError('/content/multiImage/images', `${String(bad.id)} is not an AVAILABLE image`)
      : null;
  }
  if (value.article !== undefined) {
    const article = value.article as { source?: unknown; title?: unknown };
    return typeof article.source === 'string' && /^https?:\/\//u.test(article.source)
      ? null
      : inputError('/content/article/source', 'source must be an http(s) URL');
  }
  if (value.poll !== undefined) {
    const poll = value.poll as { question?: unknown; options?: unknown[]; settings?: { duration?: unknown } };
    if (typeof poll.question !== 'string' || poll.question.length === 0) {
      return inputError('/content/poll/question', 'a poll needs a question');
    }
    if (!Array.isArray(poll.options) || poll.options.length < 2 || poll.options.length > 4) {
      return inputError('/content/poll/options', 'a poll has 2 to 4 options');
    }
    return POLL_DURATIONS.includes(String(poll.settings?.duration))
      ? null
      : inputError('/content/poll/settings/duration', `duration must be one of ${POLL_DURATIONS.join(', ')}`);
  }
  return inputError('/content', 'unknown content type');
}

function create(context: RouteContext): void {
  const body = context.json();
  if (!body) {
    return context.send(400, inputError('/', 'the body must be JSON'));
  }
  const { state, member, now } = context;
  const author = String(body.author);
  if (!/^urn:li:(person|organization):/u.test(author)) {
    return context.send(422, inputError('/author', 'author must be a person or organization URN'));
  }
  const orgPost = author.startsWith('urn:li:organization:');
  const scope = orgPost ? 'w_organization_social' : 'w_member_social';
  if (
    !context.token.scopes.includes(scope) ||
    !mayActAs(state, member.urn, member.id, author, POSTING_ROLES)
  ) {
    return context.fail(403, 'ACCESS_DENIED', `Not enough permissions to post as ${author} (${scope})`, 100);
  }
  const commentary = typeof body.commentary === 'string' ? body.commentary : '';
  if (renderLittleText(commentary).text.length > MAX_COMMENTARY) {
    return context.send(
      422,
      inputError('/commentary', `commentary is longer than ${MAX_COMMENTARY} characters`),
    );
  }
  if (!VISIBILITIES.includes(String(body.visibility))) {
    return context.send(
      422,
      inputError('/visibility', `visibility must be one of ${VISIBILITIES.join(', ')}`),
    );
  }
  if (body.lifecycleState !== 'PUBLISHED') {
    return context.send(422, inputError('/lifecycleState', 'lifecycleState must be PUBLISHED'));
  }
  const problem = contentProblem(context, author, body.content);
  if (problem) {
    return context.send(422, problem);
  }
  const reshareParent = (body.reshareContext as { parent?: string } | undefined)?.parent ?? null;
  const parent = reshareParent ? state.livePost(reshareParent) : undefined;
  if (reshareParent && !parent) {
    return context.send(422, inputError('/reshareContext/parent', `${reshareParent} does not exist`));
  }
  // Deleted posts still count for a day or two (6.7's caveat): the duplicate may name a 404 URN.
  const duplicate = commentary.trim()
    ? state.posts.find(
        (post) =>
          post.author === author &&
          post.commentary === commentary &&
          now - post.createdAt < context.settings.duplicateWindowMs,
      )
    : undefined;
  if (duplicate) {
    return context.send(422, duplicateBody(duplicate.urn));
  }
  const post: PostRecord = {
    urn: `urn:li:share:${state.nextId()}`,
    author,
    commentary,
    visibility: String(body.visibility),
    content: body.content as Record<string, unknown> | undefined,
    reshareParent,
    createdAt: now,
    deletedAt: null,
  };
  state.posts.push(post);
  for (const mentioned of renderLittleText(commentary).mentions) {
    if (state.organizationOf(mentioned)) {
      notify(state, now, mentioned, 'SHARE_MENTION', post, post.urn);
    }
  }
  if (parent && state.organizationOf(parent.author)) {
    notify(state, now, parent.author, 'SHARE', parent, post.urn);
  }
  context.send(201, undefined, { 'x-restli-id': post.urn, 'x-linkedin-id': post.urn });
}

function postAt(context: RouteContext): PostRecord | 'bad-urn' | undefined {
  const urn = decodePathUrn(context.match[1]!);
  return urn === null ? 'bad-urn' : context.state.livePost(urn);
}

export const postsRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/rest\/posts$/u,
    endpoint: 'posts.create',
    versioned: true,
    bearer: true,
    handle: create,
  },
  {
    method: 'GET',
    path: /^\/rest\/posts$/u,
    endpoint: 'posts.finder',
    versioned: true,
    bearer: true,
    handle(context) {
      const query = context.request.url.searchParams;
      const author = query.get('author') ?? '';
      if (query.get('q') !== 'author' || !author) {
        return context.send(
          400,
          inputError('/q', 'the finder is q=author&author=<urn>', 'MISSING_PARAMETER'),
        );
      }
      // A member's own posts need r_member_social, which LinkedIn grants to few apps (6.2).
      const scope = author.startsWith('urn:li:person:') ? 'r_member_social' : 'r_organization_social';
      if (
        !context.token.scopes.includes(scope) ||
        !mayActAs(context.state, context.member.urn, context.member.id, author, READING_ROLES)
      ) {
        return context.fail(
          403,
          'ACCESS_DENIED',
          `Not enough permissions to read the posts of ${author} (${scope})`,
          100,
        );
      }
      const start = Number(query.get('start') ?? 0);
      const count = Math.min(Number(query.get('count') ?? 10), 100);
      const posts = context.state.posts
        .filter((post) => post.author === author && post.deletedAt === null)
        .sort((a, b) => b.createdAt - a.createdAt);
      context.send(200, {
        elements: posts.slice(start, start + count).map(renderPost),
        paging: { start, count, total: posts.length, links: [] },
      });
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/posts\/([^/?]+)$/u,
    endpoint: 'posts.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const post = postAt(context);
      if (post === 'bad-urn') {
        return context.fail(400, 'ILLEGAL_ARGUMENT', 'URNs in paths must be URL-encoded', 100);
      }
      return post ? context.send(200, renderPost(post)) : context.fail(404, 'NOT_FOUND', 'Not Found', 100);
    },
  },
  {
    method: 'DELETE',
    path: /^\/rest\/posts\/([^/?]+)$/u,
    endpoint: 'posts.delete',
    versioned: true,
    bearer: true,
    handle(context) {
      const post = postAt(context);
      if (post === 'bad-urn') {
        return context.fail(400, 'ILLEGAL_ARGUMENT', 'URNs in paths must be URL-encoded', 100);
      }
      if (!post) {
        return context.fail(404, 'NOT_FOUND', 'Not Found', 100);
      }
      if (!mayActAs(context.state, context.member.urn, context.member.id, post.author, POSTING_ROLES)) {
        return context.fail(403, 'ACCESS_DENIED', `Not enough permissions to delete ${post.urn}`, 100);
      }
      post.deletedAt = context.now;
      context.send(204);
    },
  },
];
