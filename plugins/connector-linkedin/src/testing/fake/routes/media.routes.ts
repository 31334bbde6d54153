import { createHash } from 'node:crypto';
import { mayActAs, POSTING_ROLES } from '../fake-activity.js';
import { inputError, type Route, type RouteContext } from '../fake-http.js';
import type { MediaRecord } from '../fake-state.js';
import { decodePathUrn } from '../restli.js';

const IMAGE_TYPES: Record<string, string> = { ffd8ff: 'jpeg', '89504e': 'png', '474946': 'gif' };
const MAX_VIDEO_BYTES = 500 * 1024 * 1024;

function owner(context: RouteContext, request: unknown): string | null {
  const value = (request as { owner?: unknown } | undefined)?.owner;
  return typeof value === 'string' &&
    mayActAs(context.state, context.member.urn, context.member.id, value, POSTING_ROLES)
    ? value
    : null;
}

/** Status reads move PROCESSING forward, as LinkedIn's processing finishes while the caller polls. */
function renderMedia(media: MediaRecord, base: string) {
  if (media.status === 'PROCESSING') {
    if (media.pollsLeft <= 0) {
      media.status = 'AVAILABLE';
    } else {
      media.pollsLeft -= 1;
    }
  }
  return {
    id: media.urn,
    owner: media.owner,
    status: media.status,
    ...(media.kind === 'video' ? { duration: 0, aspectRatioWidth: 16, aspectRatioHeight: 9 } : {}),
    ...(media.status === 'AVAILABLE' ? { downloadUrl: `${base}/dms/${encodeURIComponent(media.urn)}` } : {}),
    ...(media.processingFailureReason ? { processingFailureReason: media.processingFailureReason } : {}),
  };
}

function mediaAt(context: RouteContext, kind: 'image' | 'video'): MediaRecord | undefined {
  const urn = decodePathUrn(context.match[1]!);
  const media = urn ? context.state.media.get(urn) : undefined;
  return media?.kind === kind ? media : undefined;
}

export function mediaRoutes(base: () => string): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/rest\/images$/u,
      endpoint: 'images.initialize',
      versioned: true,
      bearer: true,
      handle(context) {
        if (context.request.url.searchParams.get('action') !== 'initializeUpload') {
          return context.send(400, inputError('/action', 'action must be initializeUpload'));
        }
        const request = context.json()?.initializeUploadRequest;
        const author = owner(context, request);
        if (!author) {
          return context.fail(403, 'ACCESS_DENIED', 'Not enough permissions to upload for this owner', 100);
        }
        const id = context.state.nextId();
        const media: MediaRecord = {
          urn: `urn:li:image:D4E${id}`,
          kind: 'image',
          owner: author,
          status: 'WAITING_UPLOAD',
          pollsLeft: context.settings.processingPolls,
          fileSizeBytes: 0,
          parts: [],
          uploadToken: '',
          bytes: 0,
        };
        context.state.media.set(media.urn, media);
        context.send(200, {
          value: {
            uploadUrlExpiresAt: context.now + 86_400_000,
            uploadUrl: `${base()}/upload/images/${encodeURIComponent(media.urn)}`,
            image: media.urn,
          },
        });
      },
    },
    {
      method: 'PUT',
      path: /^\/upload\/images\/([^/?]+)$/u,
      versioned: false,
      bearer: true,
      handle(context) {
        const media = mediaAt(context, 'image');
        if (!media || media.status !== 'WAITING_UPLOAD') {
          return context.fail(400, 'INVALID_UPLOAD', 'This upload URL is not waiting for bytes', 100);
        }
        const type = IMAGE_TYPES[context.request.body.subarray(0, 3).toString('hex')];
        media.bytes = context.request.body.length;
        if (!type) {
          media.status = 'PROCESSING_FAILED';
          media.processingFailureReason = 'Unsupported image format: JPG, PNG or GIF';
        } else {
          media.status = 'PROCESSING';
        }
        context.send(201);
      },
    },
    {
      method: 'GET',
      path: /^\/rest\/images\/([^/?]+)$/u,
      endpoint: 'images.read',
      versioned: true,
      bearer: true,
      handle(context) {
        const media = mediaAt(context, 'image');
        return media
          ? context.send(200, renderMedia(media, base()))
          : context.fail(404, 'NOT_FOUND', 'Not Found', 100);
      },
    },
    {
      method: 'POST',
      path: /^\/rest\/videos$/u,
      endpoint: 'videos.upload',
      versioned: true,
      bearer: true,
      handle(context) {
        const action = context.request.url.searchParams.get('action');
        const body = context.json();
        if (action === 'initializeUpload') {
          const request = body?.initializeUploadRequest as { fileSizeBytes?: unknown } | undefined;
          const author = owner(context, request);
          if (!author) {
            return context.fail(403, 'ACCESS_DENIED', 'Not enough permissions to upload for this owner', 100);
          }
          const size = Number(request?.fileSizeBytes);
          if (!Number.isInteger(size) || size <= 0 || size > MAX_VIDEO_BYTES) {
            return context.send(
              422,
              inputError('/initializeUploadRequest/fileSizeBytes', 'fileSizeBytes must be 1 to 500 MB'),
            );
          }
          const id = context.state.nextId();
          const partBytes = context.settings.videoPartBytes;
          const parts = Array.from({ length: Math.ceil(size / partBytes) }, (_unused, index) => ({
            firstByte: index * partBytes,
            lastByte: Math.min(size, (index + 1) * partBytes) - 1,
            etag: null as string | null,
          }));
          const media: MediaRecord = {
            urn: `urn:li:video:C5F${id}`,
            kind: 'video',
            owner: author,
            status: 'WAITING_UPLOAD',
            pollsLeft: context.settings.processingPolls,
            fileSizeBytes: size,
            parts,
            uploadToken: context.state.token(),
            bytes: 0,
          };
          context.state.media.set(media.urn, media);
          return context.send(200, {
            value: {
              uploadUrlsExpireAt: context.now + 86_400_000,
              video: media.urn,
              uploadInstructions: parts.map((part, index) => ({
                uploadUrl: `${base()}/upload/videos/${encodeURIComponent(media.urn)}/${index}`,
                firstByte: part.firstByte,
                lastByte: part.lastByte,
              })),
              uploadToken: media.uploadToken,
            },
          });
        }
        if (action === 'finalizeUpload') {
          const request = body?.finalizeUploadRequest as
            { video?: string; uploadToken?: string; uploadedPartIds?: unknown[] } | undefined;
          const media = request?.video ? context.state.media.get(request.video) : undefined;
          if (!media || media.kind !== 'video' || media.status !== 'WAITING_UPLOAD') {
            return context.send(
              422,
              inputError('/finalizeUploadRequest/video', 'no video waiting to be finalized'),
            );
          }
          if (request?.uploadToken !== media.uploadToken) {
            return context.send(
              422,
              inputError('/finalizeUploadRequest/uploadToken', 'uploadToken does not match'),
            );
          }
          const expected = media.parts.map((part) => part.etag);
          const given = request.uploadedPartIds ?? [];
          if (expected.includes(null) || JSON.stringify(expected) !== JSON.stringify(given)) {
            return context.send(
              422,
              inputError(
                '/finalizeUploadRequest/uploadedPartIds',
                'uploadedPartIds must list every part ETag in upload order',
              ),
            );
          }
          media.status = 'PROCESSING';
          return context.send(200);
        }
        context.send(400, inputError('/action', 'action must be initializeUpload or finalizeUpload'));
      },
    },
    {
      method: 'PUT',
      path: /^\/upload\/videos\/([^/?]+)\/(\d+)$/u,
      versioned: false,
      bearer: true,
      handle(context) {
        const media = mediaAt(context, 'video');
        const part = media?.parts[Number(context.match[2])];
        if (!media || !part || media.status !== 'WAITING_UPLOAD') {
          return context.fail(400, 'INVALID_UPLOAD', 'This upload URL is not waiting for bytes', 100);
        }
        if (context.request.body.length !== part.lastByte - part.firstByte + 1) {
          return context.fail(
            400,
            'INVALID_UPLOAD',
            `This part takes bytes ${part.firstByte}-${part.lastByte}`,
            100,
          );
        }
        part.etag = `/ambry-video/signedId/${createHash('sha1').update(context.request.body).digest('hex')}`;
        media.bytes += context.request.body.length;
        context.send(200, undefined, { etag: part.etag });
      },
    },
    {
      method: 'GET',
      path: /^\/rest\/videos\/([^/?]+)$/u,
      endpoint: 'videos.read',
      versioned: true,
      bearer: true,
      handle(context) {
        const media = mediaAt(context, 'video');
        return media
          ? context.send(200, renderMedia(media, base()))
          : context.fail(404, 'NOT_FOUND', 'Not Found', 100);
      },
    },
  ];
}
