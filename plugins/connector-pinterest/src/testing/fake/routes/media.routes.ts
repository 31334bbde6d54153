import { randomBytes } from 'node:crypto';
import { fail, type Exchange } from '../pinterest-fake-http.js';
import type { Route, RouteDeps } from '../pinterest-fake-routing.js';
import type { MediaRecord } from '../pinterest-fake-state.js';

export const UPLOAD_PATH = '/fake-s3/pinterest-media-upload';

/** S3's XML error document, as a presigned POST answers. */
function s3Error(exchange: Exchange, status: number, code: string, message: string) {
  exchange.sendText(
    status,
    'application/xml',
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
}

/**
 * Video upload (9.2): `POST /v5/media` registers and hands out a presigned POST; the upload must carry every
 * `upload_parameters` field before the `file` part; `GET /v5/media/{id}` then walks registered → processing →
 * succeeded (or failed).
 */
export function mediaRoutes(deps: RouteDeps & { failNextProcessing(): boolean }): Route[] {
  const { state, config } = deps;
  return [
    {
      method: 'POST',
      path: /^\/v5\/media$/u,
      auth: 'user',
      category: 'org_write',
      scopes: ['pins:write'],
      handle(exchange) {
        if (exchange.body.media_type !== 'video') {
          return fail(exchange, 400, "media_type: must be 'video'.");
        }
        const id = state.nextId();
        const key = `uploads/${exchange.user!.id}/${id}`;
        const uploadParameters = {
          'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d+/gu, ''),
          'x-amz-signature': randomBytes(32).toString('hex'),
          'x-amz-security-token': randomBytes(16).toString('base64url'),
          'x-amz-algorithm': 'AWS4-HMAC-SHA256',
          key,
          policy: Buffer.from(JSON.stringify({ key, expiration: Date.now() + 3_600_000 })).toString('base64'),
          'x-amz-credential': `FAKEKEY/${new Date().toISOString().slice(0, 10)}/us-east-1/s3/aws4_request`,
          'Content-Type': 'multipart/form-data',
        };
        const record: MediaRecord = {
          id,
          ownerId: exchange.user!.id,
          status: 'registered',
          uploadParameters,
          pollsLeft: config.processingPolls,
          failProcessing: false,
          bytes: 0,
        };
        state.media.set(id, record);
        exchange.send(201, {
          media_id: id,
          media_type: 'video',
          upload_url: `${deps.url()}${UPLOAD_PATH}`,
          upload_parameters: uploadParameters,
        });
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^${UPLOAD_PATH}$`, 'u'),
      auth: 'none',
      handle(exchange) {
        const fileAt = exchange.entries.findIndex((entry) => entry.name === 'file');
        const key = exchange.body.key;
        const record = [...state.media.values()].find((media) => media.uploadParameters.key === key);
        if (!record) {
          return s3Error(exchange, 403, 'AccessDenied', 'Invalid according to Policy: no matching key.');
        }
        const missing = Object.entries(record.uploadParameters).filter(
          ([name, value]) =>
            exchange.body[name] !== value ||
            exchange.entries.findIndex((entry) => entry.name === name) > fileAt,
        );
        if (missing.length > 0 || fileAt === -1) {
          const what = fileAt === -1 ? 'the file part' : missing.map(([name]) => name).join(', ');
          return s3Error(
            exchange,
            403,
            'AccessDenied',
            `Invalid according to Policy: missing or late ${what}.`,
          );
        }
        const file = exchange.entries[fileAt]!.value as { size: number };
        if (file.size > config.maxUploadBytes) {
          return s3Error(
            exchange,
            400,
            'EntityTooLarge',
            'Your proposed upload exceeds the maximum allowed size.',
          );
        }
        if (record.status !== 'registered') {
          return s3Error(exchange, 403, 'AccessDenied', 'The upload URL has already been used.');
        }
        record.bytes = file.size;
        record.status = 'processing';
        record.failProcessing = deps.failNextProcessing();
        exchange.send(204);
      },
    },
    {
      method: 'GET',
      path: /^\/v5\/media\/([^/]+)$/u,
      auth: 'user',
      category: 'org_read',
      scopes: ['pins:read'],
      handle(exchange, [id]) {
        const record = state.media.get(id!);
        if (!record || record.ownerId !== exchange.user?.id) {
          return fail(exchange, 404, 'Media not found.');
        }
        if (record.status === 'processing') {
          if (record.pollsLeft > 0) {
            record.pollsLeft -= 1;
          } else {
            record.status = record.failProcessing ? 'failed' : 'succeeded';
          }
        }
        exchange.send(200, { media_id: record.id, media_type: 'video', status: record.status });
      },
    },
  ];
}
