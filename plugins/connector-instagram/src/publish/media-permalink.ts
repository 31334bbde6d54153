import { z, type Credentials } from '@chorus/connector-sdk';
import type { InstagramDeps } from '../instagram-deps.js';

const PROFILE_FALLBACK = 'https://www.instagram.com/';

/**
 * The media's `permalink` (/p/<shortcode>/ or /reel/<shortcode>/, 3.3): where a comment on it shows. Read after
 * the comment exists, so a failed read must not fail the answer (a retry would comment twice): it is logged, and
 * Instagram's home stands in.
 */
export async function mediaPermalink(
  deps: InstagramDeps,
  credentials: Credentials,
  mediaId: string,
  operation: 'publish' | 'inbox.reply',
): Promise<string> {
  try {
    const found = await deps
      .graph(credentials)
      .call(
        { operation, endpoint: 'media.read', path: `/${mediaId}`, query: { fields: 'id,permalink' } },
        z.object({ permalink: z.string().url() }),
      );
    return found.permalink;
  } catch (error) {
    deps.context.logger.warn('instagram.permalink-unreadable', { mediaId, error: String(error) });
    return PROFILE_FALLBACK;
  }
}
