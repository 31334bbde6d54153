import type { Credentials, FindPublishedResult, PostInput } from '@chorus/connector-sdk';
import { unreadableSuccess } from '../api/map-error.js';
import { videoList, type TikTokVideo } from '../api/tiktok-schemas.js';
import { postUrl, type TikTokDeps } from '../tiktok-deps.js';
import { comparable, expectedText } from './caption.js';

const FIELDS = 'id,create_time,title,video_description,share_url';
const PAGE = 20;
const MAX_PAGES = 10;
// create_time has a resolution of a second; a post may be stamped just before the window opened.
const SLACK_MS = 2000;

/**
 * Looks for the post among the account's videos, newest first (`POST /v2/video/list/`, network-apis.md 7.3):
 * one created within the window whose caption (or photo description) is the post's text.
 */
export async function lookUpRecentVideo(
  deps: TikTokDeps,
  credentials: Credentials,
  post: PostInput,
  window: { readonly from: string; readonly to: string },
): Promise<FindPublishedResult> {
  const from = Date.parse(window.from) - SLACK_MS;
  const to = Date.parse(window.to) + SLACK_MS;
  const expected = expectedText(post);
  let cursor: number | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await deps.api.call(
      {
        operation: 'findPublished',
        endpoint: 'video.list',
        path: '/v2/video/list/',
        query: { fields: FIELDS },
        json: { max_count: PAGE, ...(cursor === undefined ? {} : { cursor }) },
        token: credentials.accessToken,
      },
      videoList,
    );
    if (answer.videos.some((item) => item.create_time === undefined)) {
      // Without it a video cannot be placed in the window: guessing could answer not-found for a live post.
      throw unreadableSuccess('findPublished', 'video.list', 'a video without the create_time asked for');
    }
    const inWindow = answer.videos.filter((item) => {
      const created = item.create_time! * 1000;
      return created >= from && created <= to;
    });
    const match = inWindow.find((item) => textOf(item) === expected);
    if (match && expected === '') {
      return {
        status: 'unknown',
        reason:
          'A post without a caption was published in the window; check on TikTok whether it is this one.',
      };
    }
    if (match) {
      return {
        status: 'found',
        remoteId: match.id,
        url: match.share_url ?? postUrl(credentials.extra?.handle, match.id),
        publishedAt: new Date(match.create_time! * 1000).toISOString(),
      };
    }
    const oldest = answer.videos.at(-1)?.create_time;
    if (!answer.has_more || (oldest !== undefined && oldest * 1000 < from)) {
      return { status: 'not-found' };
    }
    cursor = answer.cursor;
  }
  return {
    status: 'unknown',
    reason: `More than ${MAX_PAGES * PAGE} videos since the attempt; look at the account on TikTok.`,
  };
}

const textOf = (item: TikTokVideo) => comparable(item.video_description ?? item.title);
