import {
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** The content service's media upload, as the gateway passes it on (apps/content, docs/adr/0023). */
const UPLOAD_PATH = /^\/api\/content\/media\/?(?:\?|$)/;
const UPLOAD_TYPES = /^(?:application\/octet-stream|image\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)\s*(?:;.*)?$/i;
/** The content service's own default limit; it answers 413 itself past its configured one. */
const LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * Lets file bodies (octet-stream, image/*, video/*) through to `POST /api/content/media` as bytes, up to the
 * upload limit, while the gateway's JSON limit stays 1 MiB. Any other route refuses such a body before reading
 * it (415), so no public route can be made to buffer large bodies.
 */
@Injectable()
export class ContentUploadBodyParser implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('application/octet-stream')) {
      return;
    }
    fastify.addContentTypeParser(UPLOAD_TYPES, (request, payload, done) => {
      if (request.method !== 'POST' || !UPLOAD_PATH.test(request.url)) {
        payload.resume();
        done(new UnsupportedMediaTypeException('Only POST /api/content/media takes a file body'), undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let finished = false;
      payload.on('data', (chunk: Buffer) => {
        if (finished) {
          return;
        }
        size += chunk.length;
        if (size > LIMIT_BYTES) {
          finished = true;
          payload.resume();
          done(
            new PayloadTooLargeException(
              `The file is larger than ${LIMIT_BYTES} bytes; compress or shorten it`,
            ),
            undefined,
          );
          return;
        }
        chunks.push(chunk);
      });
      payload.on('end', () => {
        if (!finished) {
          finished = true;
          done(null, Buffer.concat(chunks));
        }
      });
      payload.on('error', (error: Error) => {
        if (!finished) {
          finished = true;
          done(error, undefined);
        }
      });
    });
  }
}
