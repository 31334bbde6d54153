import { requestedFields } from './x-fake-routing.js';
import { shownText } from './x-fake-tco.js';
import type { MediaRecord, PostRecord, UserRecord, XFakeState } from './x-fake-state.js';

/** A post as API v2 shows it: id, text and edit history always, the rest when asked for by fields. */
export function renderPost(
  post: PostRecord,
  url: URL,
  viewerId: string | undefined,
): Record<string, unknown> {
  const fields = requestedFields(url, 'tweet');
  // X keeps URLs as t.co links in the text; the links themselves are in entities.urls when asked for.
  const shown = shownText(post.text);
  const rendered: Record<string, unknown> = {
    id: post.id,
    text: shown.text,
    edit_history_tweet_ids: [post.id],
  };
  if (fields.has('entities') && shown.urls.length > 0) {
    rendered.entities = { urls: shown.urls };
  }
  if (fields.has('author_id')) {
    rendered.author_id = post.authorId;
  }
  if (fields.has('created_at')) {
    rendered.created_at = new Date(post.createdAt).toISOString();
  }
  if (fields.has('conversation_id')) {
    rendered.conversation_id = post.conversationId;
  }
  if (fields.has('in_reply_to_user_id') && post.inReplyToUserId) {
    rendered.in_reply_to_user_id = post.inReplyToUserId;
  }
  if (fields.has('referenced_tweets') && post.inReplyToId) {
    rendered.referenced_tweets = [{ type: 'replied_to', id: post.inReplyToId }];
  }
  if (fields.has('attachments') || fields.size === 0) {
    const attachments: Record<string, unknown> = {};
    if (post.mediaKeys.length > 0) {
      attachments.media_keys = post.mediaKeys;
    }
    if (post.poll) {
      attachments.poll_ids = [`${post.id}0`];
    }
    if (Object.keys(attachments).length > 0) {
      rendered.attachments = attachments;
    }
  }
  if (fields.has('public_metrics')) {
    rendered.public_metrics = {
      retweet_count: post.reposts.size,
      reply_count: 0,
      like_count: post.likes.size,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: post.impressions,
    };
  }
  // Only the author, with user context, sees non-public metrics of posts from the last 30 days.
  if (fields.has('non_public_metrics') && viewerId === post.authorId) {
    rendered.non_public_metrics = {
      impression_count: post.impressions,
      url_link_clicks: 0,
      user_profile_clicks: 0,
      engagements: post.likes.size + post.reposts.size,
    };
  }
  return rendered;
}

export function renderPostWithReplies(
  state: XFakeState,
  post: PostRecord,
  url: URL,
  viewerId: string | undefined,
): Record<string, unknown> {
  const rendered = renderPost(post, url, viewerId);
  const metrics = rendered.public_metrics as Record<string, number> | undefined;
  if (metrics) {
    metrics.reply_count = state.repliesTo(post).length;
  }
  return rendered;
}

export function renderUser(user: UserRecord, url: URL): Record<string, unknown> {
  const fields = requestedFields(url, 'user');
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    ...(fields.has('public_metrics')
      ? {
          public_metrics: {
            followers_count: user.followers.size,
            following_count: 0,
            tweet_count: 0,
            listed_count: 0,
            like_count: 0,
          },
        }
      : {}),
  };
}

function renderMedia(media: MediaRecord, url: URL): Record<string, unknown> {
  const fields = requestedFields(url, 'media');
  const type = media.mediaType.startsWith('video/')
    ? 'video'
    : media.mediaType === 'image/gif' && media.category === 'tweet_gif'
      ? 'animated_gif'
      : 'photo';
  return {
    media_key: media.mediaKey,
    type,
    ...(fields.has('alt_text') && media.altText !== null ? { alt_text: media.altText } : {}),
  };
}

/** `includes` for the expansions asked for. */
export function includesFor(
  state: XFakeState,
  posts: readonly PostRecord[],
  url: URL,
): Record<string, unknown> | undefined {
  const expansions = new Set((url.searchParams.get('expansions') ?? '').split(',').filter(Boolean));
  const includes: Record<string, unknown> = {};
  if (expansions.has('author_id')) {
    const users = [...new Set(posts.map((post) => post.authorId))]
      .map((id) => state.users.get(id))
      .filter((user): user is UserRecord => user !== undefined);
    includes.users = users.map((user) => renderUser(user, url));
  }
  if (expansions.has('attachments.media_keys')) {
    const keys = new Set(posts.flatMap((post) => post.mediaKeys));
    includes.media = [...state.media.values()]
      .filter((media) => keys.has(media.mediaKey))
      .map((media) => renderMedia(media, url));
  }
  if (expansions.has('attachments.poll_ids')) {
    includes.polls = posts
      .filter((post) => post.poll)
      .map((post) => ({
        id: `${post.id}0`,
        options: post.poll!.options.map((label, index) => ({ position: index + 1, label, votes: 0 })),
        duration_minutes: post.poll!.durationMinutes,
        voting_status: 'open',
      }));
  }
  return Object.keys(includes).length > 0 ? includes : undefined;
}

export function notFoundError(id: string, type: 'tweet' | 'user' = 'tweet'): Record<string, unknown> {
  const label = type === 'tweet' ? 'post' : 'user';
  return {
    value: id,
    detail: `Could not find ${label} with id: [${id}].`,
    title: 'Not Found Error',
    resource_type: type,
    parameter: 'id',
    resource_id: id,
    type: 'https://api.x.com/2/problems/resource-not-found',
  };
}
