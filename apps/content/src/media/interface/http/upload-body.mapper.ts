import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** The largest upload in bytes (MediaLibraryOptions.maxUploadBytes). */
export const UPLOAD_LIMIT = Symbol('content:media-upload-limit');

/** Only the upload route reads file bodies: no other route can be made to buffer one. */
const UPLOAD_PATH = /^\/media\/?(?:\?|$)/;
const UPLOAD_TYPES = /^(?:application\/octet-stream|image\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)\s*(?:;.*)?$/i;

/**
 * Raw file bodies as Buffers, up to `limit` bytes (the service's JSON limit stays 1 MiB). Over the limit the
 * reading stops and the answer is a 413 saying the limit; nothing reaches a handler, so nothing is stored.
 */
export function installUploadParser(fastify: FastifyInstance, limit: number): void {
  if (fastify.hasContentTypeParser('application/octet-stream')) {
    return;
  }
  fastify.addContentTypeParser(UPLOAD_TYPES, (request, payload, done) => {
    if (request.method !== 'POST' || !UPLOAD_PATH.test(request.url)) {
      payload.resume();
      done(new UnsupportedMediaTypeException('Only POST /media takes a file body'), undefined);
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
      if (size > limit) {
        finished = true;
        payload.resume(); // drain the rest without keeping it
        done(
          new PayloadTooLargeException(
            `The file is larger than the upload limit of ${limit} bytes; compress or shorten it`,
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
