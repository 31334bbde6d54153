import { z } from 'zod';
import type { MediaAsset } from '../../../domain/media-asset.value-object.js';
import type { MediaUrls } from '../../../application/ports/media-urls.port.js';

const AltText = z.string().trim().max(5000);

export const UploadMediaQueryDto = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .describe('The file name, for people; its extension must match the bytes (a PNG named .jpg is refused)'),
  altText: AltText.optional().describe('A description for people who cannot see the image'),
});

export const ListMediaQueryDto = z.strictObject({ kind: z.enum(['image', 'video', 'gif']).optional() });

export const EditMediaBody = z.strictObject({
  altText: AltText.nullable().describe('The alt text; null removes it'),
});
export type EditMediaBody = z.infer<typeof EditMediaBody>;

export const MediaDto = z.object({
  id: z.uuid(),
  kind: z.enum(['image', 'video', 'gif']),
  mimeType: z.string().describe('Probed from the bytes'),
  sizeBytes: z.int(),
  width: z.int().nullable(),
  height: z.int().nullable(),
  durationSeconds: z.number().nullable().describe('Videos: from the MP4/MOV movie header'),
  altText: z.string().nullable(),
  fileName: z.string().nullable(),
  sha256: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
  url: z
    .url()
    .describe('A signed public URL of the file, valid for a while (preview, or a network fetching it)'),
  derivatives: z.array(
    z.object({
      id: z.uuid(),
      network: z.string(),
      mimeType: z.string(),
      sizeBytes: z.int(),
      width: z.int(),
      height: z.int(),
      description: z.string().describe('What was done: crop, resize, conversion, compression'),
      url: z.url(),
    }),
  ),
});
export type MediaDto = z.infer<typeof MediaDto>;

export const MediaListDto = z.object({ items: z.array(MediaDto) });

export function toMediaDto(asset: MediaAsset, urls: MediaUrls): MediaDto {
  const validUntil = new Date(Date.now() + urls.lifetimeSeconds * 1000);
  const ref = { tenantId: asset.tenantId, workspaceId: asset.workspaceId, mediaId: asset.id };
  return {
    id: asset.id,
    kind: asset.kind,
    mimeType: asset.mimeType,
    sizeBytes: asset.sizeBytes,
    width: asset.width,
    height: asset.height,
    durationSeconds: asset.durationSeconds,
    altText: asset.altText,
    fileName: asset.fileName,
    sha256: asset.sha256,
    createdAt: asset.createdAt.toISOString(),
    createdBy: asset.createdBy,
    url: urls.mediaUrl(ref, validUntil),
    derivatives: asset.derivatives.map((d) => ({
      ...d,
      url: urls.mediaUrl({ ...ref, derivativeId: d.id }, validUntil),
    })),
  };
}
