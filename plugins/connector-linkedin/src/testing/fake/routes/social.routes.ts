import { mayActAs, notify, POSTING_ROLES, READING_ROLES } from '../fake-activity.js';
import { inputError, type Route, type RouteContext } from '../fake-http.js';
import type { CommentRecord } from '../fake-state.js';
import { decodePathUrn, parseRestliList, parseTimeRange, rawQueryParam } from '../restli.js';

const RETENTION_MS = 60 * 86_400_000;
const REACTIONS = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'];

export function renderComment(comment: CommentRecord) {
  return {
    id: comment.id,
    commentUrn: comment.urn,
    $URN: comment.urn,
    actor: comment.actor,
    object: comment.object,
    message: { text: comment.text, attributes: [] },
    ...(comment.parentComment ? { parentComment: comment.parentComment } : {}),
    created: { actor: comment.actor, time: comment.createdAt },
    lastModified: { actor: comment.actor, time: comment.createdAt },
  };
}

/** The post (or comment) whose social actions the path names, decoded; null when not URL-encoded. */
const target = (context: RouteContext) => decodePathUrn(context.match[1]!);

export const socialRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/rest\/socialActions\/([^/?]+)\/comments$/u,
    endpoint: 'comments.create',
    versioned: true,
    bearer: true,
    handle(context) {
      const { state, member, now } = context;
      const urn = target(context);
      const post = urn ? state.livePost(urn) : undefined;
      if (!post) {
        return context.fail(404, 'NOT_FOUND', `${String(urn)} does not exist`, 100);
      }
      const body = context.json();
      const actor = String(body?.actor);
      const text = (body?.message as { text?: unknown } | undefined)?.text;
      if (!mayActAs(state, member.urn, member.id, actor, POSTING_ROLES)) {
        return context.fail(403, 'ACCESS_DENIED', `Not enough permissions to comment as ${actor}`, 100);
      }
      if (typeof text !== 'string' || text.length === 0 || text.length > 1250) {
        return context.send(422, inputError('/message/text', 'a comment has 1 to 1,250 characters'));
      }
      const parent = typeof body?.parentComment === 'string' ? body.parentComment : null;
      if (parent && !state.liveComment(parent)) {
        return context.send(422, inputError('/parentComment', `${parent} does not exist`));
      }
      const id = state.nextId();
      const comment: CommentRecord = {
        id,
        urn: `urn:li:comment:(${post.urn},${id})`,
        object: post.urn,
        actor,
        text,
        parentComment: parent,
        createdAt: now,
        deleted: false,
      };
      state.comments.push(comment);
      if (state.organizationOf(post.author)) {
        const action = actor === post.author ? 'ADMIN_COMMENT' : 'COMMENT';
        notify(state, now, post.author, action, post, comment.urn);
      }
      context.send(201, renderComment(comment), { 'x-restli-id': comment.id });
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/socialActions\/([^/?]+)\/comments$/u,
    endpoint: 'comments.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const urn = target(context);
      if (!urn || !context.state.livePost(urn)) {
        return context.fail(404, 'NOT_FOUND', `${String(urn)} does not exist`, 100);
      }
      const query = context.request.url.searchParams;
      const start = Number(query.get('start') ?? 0);
      const count = Math.min(Number(query.get('count') ?? 10), 100);
      const comments = context.state.comments.filter((comment) => comment.object === urn && !comment.deleted);
      context.send(200, {
        elements: comments.slice(start, start + count).map(renderComment),
        paging: { start, count, total: comments.length, links: [] },
      });
    },
  },
  {
    method: 'DELETE',
    path: /^\/rest\/socialActions\/([^/?]+)\/comments\/([^/?]+)$/u,
    endpoint: 'comments.delete',
    versioned: true,
    bearer: true,
    handle(context) {
      const { state, member } = context;
      const urn = target(context);
      const actor = decodeURIComponent(rawQueryParam(context.request.rawUrl, 'actor') ?? '');
      if (!actor) {
        return context.send(
          400,
          inputError('/actor', 'the actor query parameter is required', 'MISSING_PARAMETER'),
        );
      }
      const comment = state.comments.find(
        (item) => item.object === urn && item.id === context.match[2] && !item.deleted,
      );
      if (!comment) {
        return context.fail(404, 'NOT_FOUND', 'Not Found', 100);
      }
      const post = state.livePost(comment.object);
      // The comment's author, or the page that owns the post, may delete it.
      const allowed =
        mayActAs(state, member.urn, member.id, actor, POSTING_ROLES) &&
        (actor === comment.actor || actor === post?.author);
      if (!allowed) {
        return context.fail(403, 'ACCESS_DENIED', `${actor} may not delete ${comment.urn}`, 100);
      }
      comment.deleted = true;
      context.send(204);
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/socialActions\/([^/?]+)$/u,
    endpoint: 'socialActions.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const { state } = context;
      const urn = target(context);
      if (!urn || (!state.livePost(urn) && !state.liveComment(urn))) {
        return context.fail(404, 'NOT_FOUND', `${String(urn)} does not exist`, 100);
      }
      const likes = state.reactions.filter((reaction) => reaction.root === urn).length;
      const comments = state.comments.filter((comment) => comment.object === urn && !comment.deleted);
      context.send(200, {
        target: urn,
        likesSummary: { totalLikes: likes, likedByCurrentUser: false },
        commentsSummary: {
          totalFirstLevelComments: comments.filter((comment) => !comment.parentComment).length,
          aggregatedTotalComments: comments.length,
        },
      });
    },
  },
  {
    method: 'POST',
    path: /^\/rest\/reactions$/u,
    endpoint: 'reactions.create',
    versioned: true,
    bearer: true,
    handle(context) {
      const { state, member, now } = context;
      const actor = decodeURIComponent(rawQueryParam(context.request.rawUrl, 'actor') ?? '');
      const body = context.json();
      const root = String(body?.root);
      if (!mayActAs(state, member.urn, member.id, actor, POSTING_ROLES)) {
        return context.fail(403, 'ACCESS_DENIED', `Not enough permissions to react as ${actor}`, 100);
      }
      if (!REACTIONS.includes(String(body?.reactionType))) {
        return context.send(
          422,
          inputError('/reactionType', `reactionType must be one of ${REACTIONS.join(', ')}`),
        );
      }
      const post = state.livePost(root);
      if (!post && !state.liveComment(root)) {
        return context.fail(404, 'NOT_FOUND', `${root} does not exist`, 100);
      }
      if (state.reactions.some((reaction) => reaction.actor === actor && reaction.root === root)) {
        return context.send(409, { status: 409, message: 'The actor already reacted to this entity' });
      }
      state.reactions.push({ actor, root, reactionType: String(body?.reactionType) });
      if (post && state.organizationOf(post.author)) {
        notify(state, now, post.author, 'LIKE', post, `urn:li:reaction:(${actor},${root})`);
      }
      context.send(201, undefined, { 'x-restli-id': `urn:li:reaction:(${actor},${root})` });
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/organizationalEntityNotifications$/u,
    endpoint: 'notifications.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const { state, member, now } = context;
      const raw = context.request.rawUrl;
      const org = decodeURIComponent(rawQueryParam(raw, 'organizationalEntity') ?? '');
      const actions = parseRestliList(rawQueryParam(raw, 'actions'));
      const range = parseTimeRange(decodeURIComponent(rawQueryParam(raw, 'timeRange') ?? ''));
      if (context.request.url.searchParams.get('q') !== 'criteria' || !org || !actions || !range) {
        return context.send(
          400,
          inputError(
            '/q',
            'q=criteria needs organizationalEntity, actions=List(...) and timeRange=(start:..,end:..)',
            'MISSING_PARAMETER',
          ),
        );
      }
      if (
        !mayActAs(state, member.urn, member.id, org, READING_ROLES) ||
        !context.token.scopes.includes('rw_organization_admin')
      ) {
        return context.fail(
          403,
          'ACCESS_DENIED',
          `Not enough permissions to read the notifications of ${org}`,
          100,
        );
      }
      if (range.start < now - RETENTION_MS) {
        return context.send(
          400,
          inputError('/timeRange/start', 'notifications are kept 60 days: start must be within them'),
        );
      }
      const start = Number(context.request.url.searchParams.get('start') ?? 0);
      const count = Math.min(Number(context.request.url.searchParams.get('count') ?? 10), 100);
      const found = state.notifications.filter(
        (item) =>
          item.organizationalEntity === org &&
          actions.includes(item.action) &&
          item.lastModifiedAt >= range.start &&
          item.lastModifiedAt < range.end,
      );
      context.send(200, {
        elements: found.slice(start, start + count),
        paging: { start, count, total: found.length, links: [] },
      });
    },
  },
];
