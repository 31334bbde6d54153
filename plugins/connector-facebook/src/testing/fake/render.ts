import type {
  CommentRecord,
  FacebookState,
  PageRecord,
  PhotoRecord,
  PostRecord,
  TokenRecord,
  VideoRecord,
} from './facebook-state.js';

export function permalinkOf(post: PostRecord): string {
  const [pageId, postId] = post.id.split('_');
  // Graph gives the posts of videos and Reels the video's permalink, relative to the site.
  return post.videoId
    ? `/${pageId}/videos/${post.videoId}/`
    : `https://www.facebook.com/${pageId}/posts/${postId}`;
}

export function graphTime(ms: number): string {
  // Graph's own format: 2026-05-01T07:00:00+0000
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/u, '+0000');
}

/** A person as `from`; omitted for people without pages_read_user_content on a Page token (2.3). */
function from(state: FacebookState, id: string, token: TokenRecord | null) {
  const isPage = state.pages.has(id);
  if (!isPage && token?.kind === 'page' && !token.scopes.includes('pages_read_user_content')) {
    return undefined;
  }
  return { id, name: state.nameOf(id) };
}

export function renderPost(state: FacebookState, post: PostRecord, token: TokenRecord | null) {
  const live = [...state.comments.values()].filter(
    (comment) => comment.postId === post.id && !comment.deleted,
  );
  return {
    id: post.id,
    message: post.message,
    created_time: graphTime(post.createdAt),
    permalink_url: permalinkOf(post),
    status_type:
      post.kind === 'photo'
        ? 'added_photos'
        : post.kind === 'video' || post.kind === 'reel'
          ? 'added_video'
          : 'mobile_status_update',
    from: from(state, post.authorId, token),
    ...(post.link ? { link: post.link } : {}),
    attachments: {
      data: [
        ...post.photoIds.map((id) => {
          const photo = state.photos.get(id);
          return {
            type: 'photo',
            target: { id },
            media: { image: { src: `https://scontent.example/${id}.jpg` } },
            description: photo?.altText ?? null,
          };
        }),
        // The post of a video or Reel attaches the video node.
        ...(post.videoId
          ? [
              {
                type: 'video_inline',
                target: { id: post.videoId },
                media: { source: `https://video.example/${post.videoId}.mp4` },
                description: null,
              },
            ]
          : []),
      ],
    },
    shares: { count: post.shares },
    reactions: { data: [], summary: { total_count: post.reactions.size } },
    comments: { data: [], summary: { total_count: live.length, order: 'chronological', can_comment: true } },
  };
}

export function renderComment(state: FacebookState, comment: CommentRecord, token: TokenRecord | null) {
  return {
    id: comment.id,
    message: comment.message,
    created_time: graphTime(comment.createdAt),
    from: from(state, comment.authorId, token),
    ...(comment.parentId ? { parent: { id: comment.parentId } } : {}),
    is_hidden: comment.hidden,
    can_hide: comment.authorId !== state.posts.get(comment.postId)?.pageId,
    can_remove: true,
    can_reply_privately: !comment.privateReplied,
    like_count: comment.likes.size,
    comment_count: [...state.comments.values()].filter(
      (item) => item.parentId === comment.id && !item.deleted,
    ).length,
    permalink_url: `https://www.facebook.com/${comment.postId.replace('_', '/posts/')}?comment_id=${comment.id}`,
    object: { id: comment.postId },
  };
}

export function renderPhoto(photo: PhotoRecord) {
  return {
    id: photo.id,
    alt_text_custom: photo.altText,
    published: photo.published,
    page_story_id: photo.attachedTo,
  };
}

export function renderVideo(video: VideoRecord) {
  const ready = video.uploaded && video.finished && video.pollsLeft <= 0;
  const phase = (done: boolean, started: boolean) => ({
    status: video.failed ? 'error' : done ? 'complete' : started ? 'in_progress' : 'not_started',
  });
  return {
    id: video.id,
    description: video.description,
    created_time: graphTime(video.createdAt),
    // Graph gives video permalinks relative to the site.
    permalink_url: `/${video.pageId}/videos/${video.id}/`,
    // The Page post that shows the video exists once processing is done.
    ...(video.postId ? { post_id: video.postId } : {}),
    status: {
      video_status: video.failed
        ? 'error'
        : ready
          ? 'ready'
          : video.uploaded
            ? 'processing'
            : 'upload_complete',
      processing_progress: ready ? 100 : 50,
      uploading_phase: phase(video.uploaded, true),
      processing_phase: phase(ready, video.uploaded),
      publishing_phase: phase(ready && video.finished, video.finished),
    },
  };
}

export function renderPage(page: PageRecord) {
  return {
    id: page.id,
    name: page.name,
    username: page.username,
    link: `https://www.facebook.com/${page.username}`,
    followers_count: page.followers,
    fan_count: page.followers,
  };
}
