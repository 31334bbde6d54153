import type {
  CommentRecord,
  InboxEntry,
  MessageRecord,
  PostRecord,
  RedditFakeState,
  UserRecord,
} from './fake-state.js';

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, 50) || '_';

export const postPermalink = (post: PostRecord) => `/r/${post.sr}/comments/${post.id}/${slug(post.title)}/`;

const POST_HINTS: Readonly<Record<PostRecord['kind'], string | undefined>> = {
  self: 'self',
  link: 'link',
  image: 'image',
  video: 'hosted:video',
  videogif: 'hosted:video',
  gallery: undefined,
};

/** A post (`t3`) as `viewer` sees it. */
export function renderPost(state: RedditFakeState, post: PostRecord, viewer: UserRecord | undefined) {
  const comments = [...state.comments.values()].filter((comment) => comment.postName === post.name);
  const gone = post.deleted;
  return {
    kind: 't3',
    data: {
      id: post.id,
      name: post.name,
      title: post.title,
      subreddit: post.sr,
      subreddit_name_prefixed: post.sr.startsWith('u_') ? `u/${post.sr.slice(2)}` : `r/${post.sr}`,
      author: gone ? '[deleted]' : post.author,
      ...(gone ? {} : { author_fullname: `t2_${post.authorId}` }),
      created_utc: post.createdUtc,
      permalink: postPermalink(post),
      url:
        post.kind === 'self' || post.kind === 'gallery'
          ? `https://www.reddit.com${postPermalink(post)}`
          : post.url,
      selftext: gone ? '[deleted]' : post.selftext,
      is_self: post.kind === 'self',
      is_video: post.kind === 'video' || post.kind === 'videogif',
      ...(post.kind === 'gallery'
        ? {
            is_gallery: true,
            gallery_data: {
              items: post.gallery.map((item, index) => ({
                media_id: item.assetId,
                id: index + 1,
                caption: item.caption,
              })),
            },
            media_metadata: Object.fromEntries(
              post.gallery.map((item) => [item.assetId, { status: 'valid', e: 'Image', id: item.assetId }]),
            ),
          }
        : {}),
      ...(POST_HINTS[post.kind] ? { post_hint: POST_HINTS[post.kind] } : {}),
      over_18: post.nsfw,
      spoiler: post.spoiler,
      link_flair_template_id: post.flair?.id ?? null,
      link_flair_text: post.flair?.shownText ?? null,
      score: post.upvoters.size,
      ups: post.upvoters.size,
      // Reddit hides downvotes: `downs` is always 0.
      downs: 0,
      upvote_ratio: 1,
      num_comments: comments.filter((comment) => !comment.deleted).length,
      num_crossposts: post.crossposts,
      view_count: post.viewCount,
      total_awards_received: 0,
      removed_by_category: gone ? 'deleted' : post.removedBy,
      // The viewer's own vote, not a count.
      likes: viewer && post.upvoters.has(viewer.id) ? true : null,
      send_replies: post.sendReplies,
    },
  };
}

/** A comment (`t1`) as `viewer` sees it; a removed one reads `[removed]` except to moderators. */
export function renderComment(
  state: RedditFakeState,
  comment: CommentRecord,
  viewer: UserRecord | undefined,
) {
  const post = state.posts.get(comment.postName);
  const moderator = viewer && post ? viewer.moderates.has(post.sr.toLowerCase()) : false;
  const body = comment.deleted ? '[deleted]' : comment.removed && !moderator ? '[removed]' : comment.body;
  return {
    kind: 't1',
    data: {
      id: comment.id,
      name: comment.name,
      author: comment.deleted ? '[deleted]' : comment.author,
      ...(comment.deleted ? {} : { author_fullname: `t2_${comment.authorId}` }),
      body,
      created_utc: comment.createdUtc,
      parent_id: comment.parentName,
      link_id: comment.postName,
      subreddit: post?.sr ?? null,
      permalink: post ? `${postPermalink(post)}${comment.id}/` : `/comments/_/_/${comment.id}/`,
      score: comment.upvoters.size,
      ups: comment.upvoters.size,
      removed: moderator ? comment.removed : undefined,
      likes: viewer && comment.upvoters.has(viewer.id) ? true : null,
    },
  };
}

export function renderMessage(message: MessageRecord, unread: boolean) {
  return {
    kind: 't4',
    data: {
      id: message.id,
      name: message.name,
      author: message.from,
      dest: message.to,
      subject: message.subject,
      body: message.body,
      created_utc: message.createdUtc,
      first_message_name: message.firstMessageName,
      parent_id: message.parentName,
      was_comment: false,
      new: unread,
    },
  };
}

const SUBJECTS: Readonly<Record<InboxEntry['type'], string>> = {
  post_reply: 'post reply',
  comment_reply: 'comment reply',
  username_mention: 'username mention',
  message: '',
};

/** An inbox entry: a comment with its context link, or a message. */
export function renderInboxEntry(state: RedditFakeState, entry: InboxEntry, viewer: UserRecord) {
  const message = state.messages.get(entry.thingName);
  if (message) {
    return renderMessage(message, entry.unread);
  }
  const comment = state.comments.get(entry.thingName)!;
  const rendered = renderComment(state, comment, viewer);
  const post = state.posts.get(comment.postName);
  const { link_id: _linkId, ...data } = rendered.data;
  return {
    kind: 't1',
    data: {
      ...data,
      was_comment: true,
      type: entry.type,
      subject: SUBJECTS[entry.type],
      context: `${rendered.data.permalink}?context=3`,
      link_title: post?.title ?? '',
      new: entry.unread,
    },
  };
}
