import { isIP } from 'node:net';
import type { BlueskyDeps } from '../bluesky-deps.js';
import type { BlobRef, Embed } from '../xrpc/lexicon.js';
import type { XrpcClient } from '../xrpc/xrpc-client.js';
import { pageMetadata, type PageMetadata } from './page-metadata.js';
import { uploadBlob } from './upload-blob.js';

const MAX_PAGE_BYTES = 1_000_000;
const MAX_THUMB_BYTES = 1_000_000;
const MAX_REDIRECTS = 3;
const EMPTY: PageMetadata = { title: null, description: null, imageUrl: null };

/**
 * A link card (app.bsky.embed.external). Bluesky does not build cards itself: the client reads the page's
 * OpenGraph tags and uploads the image as the card's thumbnail. A page that cannot be read still gets a card
 * with its address, so the post never fails because of someone else's website.
 */
export async function linkCard(deps: BlueskyDeps, xrpc: XrpcClient, url: string): Promise<Embed> {
  const page = deps.config.linkPreviews && fetchable(deps, url) ? await readPage(deps, url) : EMPTY;
  const thumb =
    page.imageUrl && fetchable(deps, page.imageUrl) ? await thumbnail(deps, xrpc, page.imageUrl) : undefined;
  return {
    $type: 'app.bsky.embed.external',
    external: {
      uri: url,
      title: page.title ?? url,
      description: page.description ?? '',
      ...(thumb ? { thumb } : {}),
    },
  };
}

async function readPage(deps: BlueskyDeps, url: string): Promise<PageMetadata> {
  const page = await download(deps, url, /^text\/html|application\/xhtml/iu, MAX_PAGE_BYTES);
  return page ? pageMetadata(new TextDecoder().decode(page.bytes), url) : EMPTY;
}

async function thumbnail(deps: BlueskyDeps, xrpc: XrpcClient, url: string): Promise<BlobRef | undefined> {
  const image = await download(deps, url, /^image\/(jpeg|png|webp|gif)/iu, MAX_THUMB_BYTES);
  if (!image) {
    return undefined;
  }
  return uploadBlob(xrpc, image.bytes, image.contentType).catch((error: unknown) => {
    deps.context.logger.warn('link card image upload failed; the card goes without it', { error });
    return undefined;
  });
}

async function download(
  deps: BlueskyDeps,
  url: string,
  type: RegExp,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  try {
    const response = await fetchFollowing(deps, url);
    if (!response) {
      return undefined;
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const length = Number(response.headers.get('content-length') ?? 0);
    if (!response.ok || !type.test(contentType) || length > maxBytes) {
      await response.body?.cancel();
      return undefined;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length <= maxBytes ? { bytes, contentType } : undefined;
  } catch (error) {
    deps.context.logger.info('link preview unavailable; the card shows the address only', { url, error });
    return undefined;
  }
}

// Redirects are followed by hand so that each hop passes the same check as the first address.
async function fetchFollowing(deps: BlueskyDeps, url: string): Promise<Response | undefined> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await deps.context.http.fetch(current, {
      endpoint: 'link.preview',
      timeoutMs: deps.config.linkPreviewTimeoutMs,
      redirect: 'manual',
      headers: { accept: 'text/html,image/*;q=0.9', 'user-agent': 'Chorus link preview' },
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      return response;
    }
    await response.body?.cancel();
    current = new URL(location, current).toString();
    if (!fetchable(deps, current)) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Whether the connector may fetch this address for a preview. Loopback, private and link-local hosts are refused
 * unless configured (a server fetching what a user typed must not reach the inside of its own network); names
 * that resolve to such addresses are the egress policy's job.
 */
function fetchable(deps: BlueskyDeps, url: string): boolean {
  if (!URL.canParse(url)) {
    return false;
  }
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') {
    return false;
  }
  return deps.config.allowPrivateLinkHosts || !isPrivateHost(hostname.replace(/^\[|\]$/gu, ''));
}

export function isPrivateHost(host: string): boolean {
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  ) {
    return true;
  }
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(host) === 6) {
    const lower = host.toLowerCase();
    return (
      lower === '::1' ||
      lower === '::' ||
      lower.startsWith('fc') ||
      lower.startsWith('fd') ||
      lower.startsWith('fe80') ||
      lower.startsWith('::ffff:')
    );
  }
  return false;
}
