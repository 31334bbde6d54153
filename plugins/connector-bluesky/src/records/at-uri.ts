import { InvalidContentError } from '@chorus/connector-sdk';

export const POST_COLLECTION = 'app.bsky.feed.post';
export const LIKE_COLLECTION = 'app.bsky.feed.like';
export const THREADGATE_COLLECTION = 'app.bsky.feed.threadgate';

/** The three parts of `at://<did>/<collection>/<rkey>`, the id of every record. */
export interface AtUri {
  readonly repo: string;
  readonly collection: string;
  readonly rkey: string;
}

const AT_URI = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/u;

export function parseAtUri(uri: string): AtUri {
  const match = AT_URI.exec(uri);
  if (!match) {
    throw new InvalidContentError(
      `"${uri}" is not the id of a Bluesky record (at://<did>/<collection>/<key>).`,
    );
  }
  return { repo: match[1]!, collection: match[2]!, rkey: match[3]! };
}

/** Where a person opens a post: `<web>/profile/<handle or did>/post/<rkey>`. */
export function postWebUrl(webUrl: string, author: string, uri: string): string {
  const { rkey } = parseAtUri(uri);
  return new URL(
    `/profile/${encodeURIComponent(author)}/post/${encodeURIComponent(rkey)}`,
    webUrl,
  ).toString();
}

export function profileWebUrl(webUrl: string, actor: string): string {
  return new URL(`/profile/${encodeURIComponent(actor)}`, webUrl).toString();
}
