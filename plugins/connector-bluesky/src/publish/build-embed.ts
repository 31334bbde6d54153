import type { MediaInput } from '@chorus/connector-sdk';
import type { AccountClient, BlueskyDeps } from '../bluesky-deps.js';
import type { AspectRatio, Embed } from '../xrpc/lexicon.js';
import { linkCard } from './link-card.js';
import { uploadMediaBlob } from './upload-blob.js';
import { uploadVideo } from './video-upload.js';

export interface EmbedSource {
  readonly media: readonly MediaInput[];
  readonly link?: { readonly url: string };
}

/** The post's one embed: its images, its video, or else a card for its link. */
export async function buildEmbed(
  deps: BlueskyDeps,
  client: AccountClient,
  source: EmbedSource,
): Promise<Embed | undefined> {
  const video = source.media.find((item) => item.kind === 'video');
  if (video) {
    const blob = await uploadVideo(deps, client.xrpc, client.account, video);
    return {
      $type: 'app.bsky.embed.video',
      video: blob,
      ...(video.altText ? { alt: video.altText } : {}),
      ...aspectRatioOf(video),
    };
  }
  const images = source.media.filter((item) => item.kind === 'image');
  if (images.length > 0) {
    const uploaded = [];
    // One at a time: a PDS counts concurrent uploads against the same per-account budget anyway.
    for (const image of images) {
      uploaded.push({
        image: await uploadMediaBlob(deps, client.xrpc, image),
        alt: image.altText ?? '',
        ...aspectRatioOf(image),
      });
    }
    return { $type: 'app.bsky.embed.images', images: uploaded };
  }
  return source.link ? linkCard(deps, client.xrpc, source.link.url) : undefined;
}

// Clients size the media box before loading it; without a ratio they guess and the layout jumps.
function aspectRatioOf(media: MediaInput): { aspectRatio?: AspectRatio } {
  const { width, height } = media;
  return width && height && width > 0 && height > 0 ? { aspectRatio: { width, height } } : {};
}
