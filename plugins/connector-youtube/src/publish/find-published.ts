import {
  normaliseText,
  RetriableError,
  type Credentials,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { channelList, playlistItemList } from '../api/youtube-schemas.js';
import { videoUrl, type YoutubeDeps } from '../youtube-deps.js';
import { probeSession } from './resumable-upload.js';
import { settingsOf, videoTitle } from './video-metadata.js';

export const FIND_WINDOW_SECONDS = 30 * 86_400;
const MAX_PAGES = 4;
// Uploads appear in the playlist a little after the attempt's recorded end.
const SLACK_MS = 5 * 60_000;

/**
 * YouTube has no idempotency key (network-apis.md 8.6). First the upload session kept under the key is asked
 * whether it completed; without one, or when it has expired (it may have completed first), the channel's
 * uploads playlist is searched for the same title and description within the attempt's window.
 */
export async function findPublishedVideo(
  deps: YoutubeDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const short = settingsOf(input.post).format === 'short';
  const kept = deps.sessions.get(input.idempotencyKey);
  if (kept) {
    const state = await probeSession(deps, credentials, kept.uri, kept.totalBytes, 'findPublished');
    if (state.kind === 'complete') {
      return found(input, state.video.id, short, state.video.snippet?.publishedAt ?? kept.startedAt);
    }
    if (state.kind === 'incomplete') {
      // An unfinished session created no video; publishing again with the key resumes it.
      return { status: 'not-found' };
    }
    // An expired session cannot say whether it completed before it expired (8.6): the uploads playlist can.
  }
  const now = deps.context.clock.now().getTime();
  if (Date.parse(input.window.from) < now - FIND_WINDOW_SECONDS * 1000) {
    return {
      status: 'unknown',
      reason:
        'The attempt is older than 30 days; look at the channel in YouTube Studio before publishing again.',
    };
  }
  const uploads = await uploadsPlaylist(deps, credentials);
  const title = normaliseText(videoTitle(input.post));
  const description = normaliseText(input.post.text);
  const from = Date.parse(input.window.from) - SLACK_MS;
  const to = Date.parse(input.window.to) + SLACK_MS;
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await deps.api.call(
      {
        operation: 'findPublished',
        endpoint: 'playlistItems.list',
        quota: 'playlistItems.list',
        url: `${deps.dataUrl}/playlistItems`,
        query: { part: 'snippet', playlistId: uploads, maxResults: '50', pageToken },
        token: credentials.accessToken,
      },
      playlistItemList,
    );
    for (const item of answer.items) {
      const at = Date.parse(item.snippet.publishedAt);
      if (
        at >= from &&
        at <= to &&
        normaliseText(item.snippet.title) === title &&
        normaliseText(item.snippet.description) === description
      ) {
        return found(input, item.snippet.resourceId.videoId, short, item.snippet.publishedAt);
      }
    }
    // Newest first: a page that reaches before the window ends the search.
    const oldest = Math.min(...answer.items.map((item) => Date.parse(item.snippet.publishedAt)));
    pageToken = answer.nextPageToken;
    if (!pageToken || oldest < from) {
      return { status: 'not-found' };
    }
  }
  return {
    status: 'unknown',
    reason: `More than ${MAX_PAGES * 50} uploads in the window; look in YouTube Studio.`,
  };
}

function found(
  input: FindPublishedInput,
  videoId: string,
  short: boolean,
  publishedAt: string,
): FindPublishedResult {
  const settings = settingsOf(input.post);
  const followUps = [
    settings.thumbnailUrl ? 'the thumbnail' : undefined,
    settings.playlistId ? 'the playlist entry' : undefined,
    input.post.firstComment ? 'the first comment' : undefined,
  ].filter(Boolean);
  if (followUps.length > 0) {
    // The video is live, but whether the steps after the upload ran cannot be told: a person checks them.
    return {
      status: 'unknown',
      reason: `The video is live (${videoUrl(videoId, short)}), but Chorus cannot tell whether ${followUps.join(', ')} went out; check in YouTube Studio and add what is missing.`,
    };
  }
  return { status: 'found', remoteId: videoId, url: videoUrl(videoId, short), publishedAt };
}

async function uploadsPlaylist(deps: YoutubeDeps, credentials: Credentials): Promise<string> {
  const answer = await deps.api.call(
    {
      operation: 'findPublished',
      endpoint: 'channels.list',
      quota: 'channels.list',
      url: `${deps.dataUrl}/channels`,
      query: { part: 'contentDetails', mine: 'true' },
      token: credentials.accessToken,
    },
    channelList,
  );
  const uploads = answer.items[0]?.contentDetails?.relatedPlaylists.uploads;
  if (!uploads) {
    throw new RetriableError(
      'YouTube named no uploads playlist for the channel (channels.list?mine=true), so Chorus cannot look for the video yet; it will look again.',
      { endpoint: 'channels.list' },
    );
  }
  return uploads;
}
