import { z, type Credentials } from '@chorus/connector-sdk';
import { graphTime } from '@chorus/meta-graph';
import type { FacebookDeps } from '../facebook-deps.js';

const withPermalink = z.object({
  id: z.string(),
  permalink_url: z.string().min(1),
  created_time: graphTime.optional(),
});

/** Graph sometimes returns site-relative permalinks (videos: `/page/videos/123/`). */
export function absolutePermalink(url: string): string {
  return /^https?:\/\//u.test(url) ? url : new URL(url, 'https://www.facebook.com').toString();
}

/** The permalink of a post, photo, video or comment just created. */
export async function permalinkOf(
  deps: FacebookDeps,
  credentials: Credentials,
  objectId: string,
): Promise<{ url: string; createdAt: string | undefined }> {
  const found = await deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: 'object.read',
      path: `/${objectId}`,
      query: { fields: 'id,permalink_url,created_time' },
    },
    withPermalink,
  );
  return { url: absolutePermalink(found.permalink_url), createdAt: found.created_time };
}
