import { createHmac } from 'node:crypto';
import { field, httpError, type Exchange } from '../fake-http.js';
import type { Route, RouteDeps } from '../fake-routing.js';

export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'video/quicktime'];
const STORAGE_SECRET = 'fake-s3-secret';
const BUCKET_HOST = 'https://reddit-uploaded-media.s3-accelerate.amazonaws.com';
/** A 1x1 PNG, served as a video poster. */
export const POSTER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const sign = (policy: string) => createHmac('sha256', STORAGE_SECRET).update(policy).digest('hex');

const s3Error = (exchange: Exchange, status: number, code: string, message: string) =>
  exchange.sendRaw(
    status,
    'application/xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );

/** Reddit's media lease and the S3 form upload it points to (network-apis.md 12.2). */
export function mediaRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  return [
    {
      method: 'POST',
      path: /^\/api\/media\/asset\.json$/u,
      auth: 'bearer',
      scope: 'submit',
      handle(exchange) {
        const fileName = field(exchange.body, 'filepath') ?? '';
        const mimeType = field(exchange.body, 'mimetype') ?? '';
        if (!fileName || !MEDIA_TYPES.includes(mimeType)) {
          return httpError(
            exchange,
            400,
            `filepath and a mimetype among ${MEDIA_TYPES.join(', ')} are required`,
          );
        }
        const id = state.newId() + state.newId();
        const key = `rte_images/${id}`;
        state.assets.set(id, { id, userId: exchange.user!.id, key, mimeType, fileName });
        const policy = Buffer.from(JSON.stringify({ key, 'content-type': mimeType })).toString('base64');
        exchange.send(200, {
          args: {
            // Scheme-relative, like Reddit's `//reddit-uploaded-media.s3-accelerate.amazonaws.com`.
            action: `${deps.baseUrl().replace(/^https?:/u, '')}/reddit-uploaded-media`,
            fields: [
              { name: 'acl', value: 'private' },
              { name: 'key', value: key },
              { name: 'X-Amz-Algorithm', value: 'AWS4-HMAC-SHA256' },
              { name: 'X-Amz-Credential', value: 'FAKE/20260101/us-east-1/s3/aws4_request' },
              { name: 'success_action_status', value: '201' },
              { name: 'content-type', value: mimeType },
              { name: 'policy', value: policy },
              { name: 'X-Amz-Signature', value: sign(policy) },
            ],
          },
          asset: {
            asset_id: id,
            processing_state: 'incomplete',
            payload: { filepath: fileName },
            websocket_url: `wss://ws-${id}.wss.redditmedia.com/rte_images/${id}?m=AQAA`,
          },
        });
      },
    },
    {
      method: 'POST',
      path: /^\/reddit-uploaded-media$/u,
      auth: 'none',
      outsideApi: true,
      handle(exchange) {
        const key = field(exchange.body, 'key') ?? '';
        const asset = [...state.assets.values()].find((item) => item.key === key);
        const policy = field(exchange.body, 'policy') ?? '';
        if (!asset || field(exchange.body, 'X-Amz-Signature') !== sign(policy)) {
          return s3Error(
            exchange,
            403,
            'SignatureDoesNotMatch',
            'The request signature we calculated does not match.',
          );
        }
        const file = exchange.files.file;
        // S3 reads fields up to the file: fields after it are ignored, so the file must come last.
        const raw = exchange.rawBody.toString('latin1');
        if (!file || raw.lastIndexOf('name="file"') < raw.lastIndexOf('name="X-Amz-Signature"')) {
          return s3Error(
            exchange,
            400,
            'InvalidArgument',
            'POST requires exactly one file upload per request, after the fields.',
          );
        }
        if (field(exchange.body, 'content-type') !== asset.mimeType) {
          return s3Error(
            exchange,
            403,
            'AccessDenied',
            'Invalid according to Policy: Policy Condition failed: content-type',
          );
        }
        asset.location = `${BUCKET_HOST}/${encodeURIComponent(key)}`;
        asset.bytes = file.data.length;
        exchange.sendRaw(
          201,
          'application/xml',
          `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${asset.location}</Location><Bucket>reddit-uploaded-media</Bucket><Key>${key}</Key><ETag>"${asset.id}"</ETag></PostResponse>`,
        );
      },
    },
    {
      method: 'GET',
      path: /^\/static\/poster\.png$/u,
      auth: 'none',
      outsideApi: true,
      handle(exchange) {
        exchange.sendRaw(200, 'image/png', POSTER_PNG);
      },
    },
  ];
}
