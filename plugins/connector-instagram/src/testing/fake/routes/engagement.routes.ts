import { graphError, invalidParameter, ok, page, unknownObject } from '@chorus/meta-graph/testing';
import type { CommentRecord } from '../instagram-state.js';
import { actor, authorize, isResponse, type Register, type RouteDeps } from '../route-deps.js';
import { advanceContainer, permalinkOf, renderMedia } from './content.routes.js';

const SCOPE = 'instagram_business_manage_comments';
const INSTAGRAM_FIELDS: ReadonlySet<string> = new Set(['comments', 'live_comments', 'mentions', 'messages']);
const PAGE_FIELDS: ReadonlySet<string> = new Set(['feed', 'mention', 'messages', 'messaging_postbacks']);

/** Nodes by id, comments, replies, hiding, mentions and private replies (network-apis.md 3.3). */
export const registerEngagementRoutes: Register = (router, deps) => {
  const { state } = deps;

  router.add('GET', '/:id', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const account = state.accounts.get(id);
    const mentioned = account ? mentionedLookup(deps, account, request.params.fields ?? '') : undefined;
    if (mentioned) {
      return mentioned;
    }
    if (account) {
      const count = [...state.media.values()].filter((media) => media.ownerId === id).length;
      return ok({
        id,
        user_id: id,
        username: account.username,
        name: account.name,
        followers_count: account.followers,
        media_count: count,
      });
    }
    const container = state.containers.get(id);
    if (container) {
      advanceContainer(deps, container);
      return ok({ id, status_code: container.status, status: container.statusText });
    }
    const media = state.media.get(id);
    if (media) {
      if (token.accountId && token.accountId !== media.ownerId) {
        media.viewers.add(token.accountId);
      }
      return ok(renderMedia(deps, media));
    }
    const comment = state.liveComment(id);
    return comment ? ok(renderComment(deps, comment)) : unknownObject(id);
  });

  // Per-account webhook installation (1.6): Instagram Login on /me, Facebook Login on the linked Page.
  router.add('POST', '/:owner/subscribed_apps', (request) => {
    const token = authorize(deps, request, deps.host === 'facebook' ? 'pages_manage_metadata' : undefined);
    if (isResponse(token)) {
      return token;
    }
    const owner = request.pathParams.owner === 'me' ? token.accountId : request.pathParams.owner;
    const page = deps.host === 'facebook' ? state.pages.get(owner ?? '') : undefined;
    const accountId = deps.host === 'facebook' ? page?.accountId : owner;
    if (!accountId || accountId !== token.accountId) {
      return graphError({ code: 200, message: "(#200) The token cannot manage this object's subscriptions" });
    }
    const fields = (request.params.subscribed_fields ?? '').split(',').filter(Boolean);
    const valid = deps.host === 'facebook' ? PAGE_FIELDS : INSTAGRAM_FIELDS;
    const bad = fields.find((field) => !valid.has(field));
    if (fields.length === 0 || bad) {
      return invalidParameter(
        `subscribed_fields ${bad ?? '(missing)'} must be one of the following values: ${[...valid].join(', ')}`,
      );
    }
    // Through a Page, the Instagram fields are those of the app-level subscription.
    state.subscriptions.set(accountId, new Set(deps.host === 'facebook' ? INSTAGRAM_FIELDS : fields));
    return ok({ success: true });
  });

  router.add('POST', '/:id', (request) => {
    const token = authorize(deps, request, SCOPE);
    if (isResponse(token)) {
      return token;
    }
    const comment = state.liveComment(request.pathParams.id!);
    if (comment && request.params.hide !== undefined) {
      if (state.media.get(comment.mediaId)?.ownerId !== token.accountId) {
        return graphError({ code: 200, message: '(#200) Only the media owner can hide comments' });
      }
      comment.hidden = request.params.hide === 'true';
      return ok({ success: true });
    }
    return comment ? invalidParameter('Nothing to update') : unknownObject(request.pathParams.id!);
  });

  router.add('GET', '/:media/comments', (request) => {
    const token = authorize(deps, request, SCOPE);
    if (isResponse(token)) {
      return token;
    }
    if (!state.media.has(request.pathParams.media!)) {
      return unknownObject(request.pathParams.media!);
    }
    // Field expansion (1.5, 3.3): `replies{...}` or `replies.limit(N){...}` embeds each comment's replies as a
    // paged edge of its own, so one call reads a media's comments and their replies.
    const expand = /(?:^|,)replies(?:\.limit\((\d+)\))?\{/u.exec(request.params.fields ?? '');
    const items = [...state.comments.values()]
      .filter(
        (comment) =>
          comment.mediaId === request.pathParams.media && comment.parentId === null && !comment.deleted,
      )
      .map((comment) => {
        const rendered = renderComment(deps, comment);
        if (!expand) {
          return rendered;
        }
        const replies = repliesOf(deps, comment.id);
        const query = new URLSearchParams(expand[1] ? { limit: expand[1] } : {});
        const edge = page(replies, query, `${deps.baseUrl()}/v25.0/${comment.id}/replies`);
        return replies.length > 0 ? { ...rendered, replies: edge } : rendered;
      });
    return ok(page(items, request.query, `${deps.baseUrl()}/v25.0${request.path}`));
  });

  router.add('GET', '/:comment/replies', (request) => {
    const token = authorize(deps, request, SCOPE);
    if (isResponse(token)) {
      return token;
    }
    const items = repliesOf(deps, request.pathParams.comment!);
    return ok(page(items, request.query, `${deps.baseUrl()}/v25.0${request.path}`));
  });

  router.add('POST', '/:media/comments', (request) => {
    const token = authorize(deps, request, SCOPE);
    if (isResponse(token)) {
      return token;
    }
    const author = actor(token);
    if (typeof author !== 'string') {
      return author;
    }
    const media = state.media.get(request.pathParams.media!);
    if (!media) {
      return unknownObject(request.pathParams.media!);
    }
    if (!request.params.message) {
      return invalidParameter('message is required');
    }
    return ok({ id: addComment(deps, media.id, null, author, request.params.message).id });
  });

  router.add('POST', '/:comment/replies', (request) => {
    const token = authorize(deps, request, SCOPE);
    if (isResponse(token)) {
      return token;
    }
    const author = actor(token);
    if (typeof author !== 'string') {
      return author;
    }
    const target = state.liveComment(request.pathParams.comment!);
    if (!target) {
      return unknownObject(request.pathParams.comment!);
    }
    if (target.hidden) {
      return graphError({ code: 100, subcode: 2534023, message: '(#100) Cannot reply to a hidden comment' });
    }
    if (!request.params.message) {
      return invalidParameter('message is required');
    }
    // A reply to a reply attaches to its top-level comment.
    const top = target.parentId ?? target.id;
    return ok({ id: addComment(deps, target.mediaId, top, author, request.params.message).id });
  });

  router.add('POST', '/:user/mentions', (request) => {
    const token = authorize(deps, request, SCOPE);
    if (isResponse(token)) {
      return token;
    }
    const author = actor(token);
    if (typeof author !== 'string') {
      return author;
    }
    const media = state.media.get(request.params.media_id ?? '');
    if (!media || !media.tags.includes(author)) {
      return invalidParameter('media_id must be a media the account is mentioned in');
    }
    return ok({
      id: addComment(deps, media.id, request.params.comment_id ?? null, author, request.params.message ?? '')
        .id,
    });
  });

  router.add('POST', '/:owner/messages', (request) => {
    const token = authorize(deps, request, 'instagram_business_manage_messages');
    if (isResponse(token)) {
      return token;
    }
    let recipient: { id?: string; comment_id?: string };
    let text: string | undefined;
    try {
      recipient = JSON.parse(request.params.recipient ?? '{}') as typeof recipient;
      text = (JSON.parse(request.params.message ?? '{}') as { text?: string }).text;
    } catch {
      return invalidParameter('recipient and message must be JSON');
    }
    if (recipient.comment_id) {
      const comment = state.liveComment(recipient.comment_id);
      if (!comment) {
        return invalidParameter('recipient.comment_id is not a comment');
      }
      if (comment.privateReplied) {
        return graphError({ code: 10900, message: '(#10900) Activity already replied to' });
      }
      comment.privateReplied = true;
      return ok({ recipient_id: comment.fromId, message_id: `aWdf${state.nextId()}` });
    }
    if (!recipient.id || !text || !token.accountId) {
      return invalidParameter('recipient.id and message.text are required');
    }
    const conversation = state.conversation(token.accountId, recipient.id);
    const last = conversation.messages.filter((message) => message.fromId === recipient.id).at(-1);
    if (!last || state.now() - last.createdAt > 86_400_000) {
      return graphError({
        code: 10,
        subcode: 2018278,
        message: '(#10) This message is sent outside of allowed window.',
      });
    }
    const message = { id: `aWdf${state.nextId()}`, fromId: token.accountId, text, createdAt: state.now() };
    conversation.messages.push(message);
    return ok({ recipient_id: recipient.id, message_id: message.id });
  });

  router.add('GET', '/:owner/conversations', (request) => {
    const token = authorize(deps, request, 'instagram_business_manage_messages');
    if (isResponse(token)) {
      return token;
    }
    const data = [...state.conversations.values()]
      .filter((item) => item.accountId === token.accountId && item.messages.length > 0)
      .map((item) => ({
        id: item.id,
        updated_time: new Date(item.messages.at(-1)!.createdAt).toISOString().replace(/\.\d{3}Z$/u, '+0000'),
      }));
    return ok(page(data, request.query, `${deps.baseUrl()}/v25.0${request.path}`));
  });

  router.add('GET', '/:conversation/messages', (request) => {
    const token = authorize(deps, request, 'instagram_business_manage_messages');
    if (isResponse(token)) {
      return token;
    }
    const conversation = state.conversations.get(request.pathParams.conversation!);
    if (!conversation || conversation.accountId !== token.accountId) {
      return unknownObject(request.pathParams.conversation!);
    }
    const data = [...conversation.messages].reverse().map((message) => ({
      id: message.id,
      message: message.text,
      created_time: new Date(message.createdAt).toISOString().replace(/\.\d{3}Z$/u, '+0000'),
      from: { id: message.fromId, username: state.accounts.get(message.fromId)?.username },
    }));
    return ok(page(data, request.query, `${deps.baseUrl()}/v25.0${request.path}`));
  });
};

export function addComment(
  deps: RouteDeps,
  mediaId: string,
  parentId: string | null,
  fromId: string,
  text: string,
): CommentRecord {
  const comment: CommentRecord = {
    id: deps.state.nextId(),
    mediaId,
    parentId,
    fromId,
    text,
    timestamp: deps.state.now(),
    hidden: false,
    likes: new Set(),
    privateReplied: false,
    deleted: false,
  };
  deps.state.comments.set(comment.id, comment);
  const owner = deps.state.media.get(mediaId)!.ownerId;
  if (fromId !== owner) {
    deps.notify(owner, {
      field: 'comments',
      value: {
        id: comment.id,
        text,
        ...(parentId ? { parent_id: parentId } : {}),
        from: { id: fromId, username: deps.state.accounts.get(fromId)?.username },
        media: { id: mediaId, media_product_type: deps.state.media.get(mediaId)!.productType },
      },
    });
  }
  return comment;
}

function repliesOf(deps: RouteDeps, parentId: string) {
  return [...deps.state.comments.values()]
    .filter((comment) => comment.parentId === parentId && !comment.deleted)
    .map((comment) => renderComment(deps, comment));
}

function renderComment(deps: RouteDeps, comment: CommentRecord) {
  const username = deps.state.accounts.get(comment.fromId)?.username;
  return {
    id: comment.id,
    text: comment.text,
    timestamp: new Date(comment.timestamp).toISOString().replace(/\.\d{3}Z$/u, '+0000'),
    username,
    from: { id: comment.fromId, username },
    like_count: comment.likes.size,
    hidden: comment.hidden,
    media: { id: comment.mediaId, permalink: permalinkOf(deps.state.media.get(comment.mediaId)!) },
    ...(comment.parentId ? { parent_id: comment.parentId } : {}),
  };
}

const MENTIONED = /^mentioned_(media|comment)\.(?:media|comment)_id\((\d+)\)/u;

/**
 * `GET /{ig-user-id}?fields=mentioned_media.media_id(<id>){...}` or `mentioned_comment.comment_id(<id>){...}`
 * (3.3): the caption or comment that @-mentions the account, as the `mentions` webhook only names it.
 */
function mentionedLookup(deps: RouteDeps, account: { id: string; username: string }, fields: string) {
  const match = MENTIONED.exec(fields);
  if (!match) {
    return undefined;
  }
  const [, kind, id] = match;
  const handle = `@${account.username}`;
  if (kind === 'media') {
    const media = deps.state.media.get(id!);
    if (!media || !media.caption.includes(handle)) {
      return invalidParameter(`Media ${id} does not mention ${handle}`);
    }
    return ok({ id: account.id, mentioned_media: renderMedia(deps, media) });
  }
  const comment = deps.state.liveComment(id!);
  if (!comment || !comment.text.includes(handle)) {
    return invalidParameter(`Comment ${id} does not mention ${handle}`);
  }
  return ok({ id: account.id, mentioned_comment: renderComment(deps, comment) });
}
