/** The YouTube Data API methods this connector calls (their quota names). */
export type YoutubeMethod =
  | 'channels.list'
  | 'videos.list'
  | 'videos.insert'
  | 'videos.delete'
  | 'thumbnails.set'
  | 'playlistItems.list'
  | 'playlistItems.insert'
  | 'commentThreads.list'
  | 'commentThreads.insert'
  | 'comments.list'
  | 'comments.insert'
  | 'comments.setModerationStatus'
  | 'comments.delete';

/**
 * Units each call costs (network-apis.md 8.5): list calls 1, writes 50, videos.insert 1,600 under the unit model.
 * Invalid requests cost too, so units are counted when a request is sent, whatever the answer.
 */
export const QUOTA_COSTS: Readonly<Record<YoutubeMethod, number>> = {
  'channels.list': 1,
  'videos.list': 1,
  'videos.insert': 1600,
  'videos.delete': 50,
  'thumbnails.set': 50,
  'playlistItems.list': 1,
  'playlistItems.insert': 50,
  'commentThreads.list': 1,
  'commentThreads.insert': 50,
  'comments.list': 1,
  'comments.insert': 50,
  'comments.setModerationStatus': 50,
  'comments.delete': 50,
};
