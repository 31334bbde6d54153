import { readMediaBytes, type MediaInput } from '@chorus/connector-sdk';
import type { PinterestDeps } from '../pinterest-deps.js';

export type ImageSource =
  | { source_type: 'image_url'; url: string }
  | { source_type: 'image_base64'; content_type: string; data: string }
  | { source_type: 'multiple_image_urls'; items: { url: string }[] }
  | { source_type: 'multiple_image_base64'; items: { content_type: string; data: string }[] };

const base64 = async (deps: PinterestDeps, item: MediaInput) =>
  Buffer.from(await readMediaBytes(deps.context.http, item)).toString('base64');

/**
 * The `media_source` of an image or carousel pin (9.2): Pinterest fetches signed URLs itself; bytes are sent
 * inline as base64. A carousel mixing both is sent as bytes.
 */
export async function imageSource(deps: PinterestDeps, images: readonly MediaInput[]): Promise<ImageSource> {
  const urls = images.map((item) => (item.source.kind === 'url' ? item.source.url : undefined));
  if (images.length === 1) {
    const [image] = images as [MediaInput];
    return urls[0]
      ? { source_type: 'image_url', url: urls[0] }
      : { source_type: 'image_base64', content_type: image.mimeType, data: await base64(deps, image) };
  }
  if (urls.every((url): url is string => url !== undefined)) {
    return { source_type: 'multiple_image_urls', items: urls.map((url) => ({ url })) };
  }
  const items = [];
  for (const image of images) {
    items.push({ content_type: image.mimeType, data: await base64(deps, image) });
  }
  return { source_type: 'multiple_image_base64', items };
}

/** The cover fields of a video pin: an attached image, else a frame of the video. */
export async function coverFields(
  deps: PinterestDeps,
  cover: MediaInput | undefined,
  keyFrameSeconds: unknown,
): Promise<Record<string, string | number>> {
  if (cover?.source.kind === 'url') {
    return { cover_image_url: cover.source.url };
  }
  if (cover) {
    return { cover_image_content_type: cover.mimeType, cover_image_data: await base64(deps, cover) };
  }
  return typeof keyFrameSeconds === 'number' ? { cover_image_key_frame_time: keyFrameSeconds } : {};
}
