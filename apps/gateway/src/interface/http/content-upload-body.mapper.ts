import {
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WORKSPACE_HEADER, hasPermission, identityInWorkspace } from '@chorus/access';
import {
  EDGE_AUTHENTICATOR,
  bearerToken,
  workspaceProblem,
  type EdgeAuthenticator,
} from '@chorus/service-kit';

/** The content service's media upload, as the gateway passes it on (apps/content, docs/adr/0023). */
const UPLOAD_PATH = /^\/api\/content\/media\/?(?:\?|$)/;
const UPLOAD_TYPES = /^(?:application\/octet-stream|image\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)\s*(?:;.*)?$/i;
/** The content service's own default limit; it answers 413 itself past its configured one. */
const LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * Lets file bodies (octet-stream, image/*, video/*) through to `POST /api/content/media` as bytes, up to the
 * upload limit, while the gateway's JSON limit stays 1 MiB. Nothing of a file body is read before the request
 * has earned it (ADR 0029): before parsing, the caller must be signed in and hold `media:write` in the
 * workspace, and a declared Content-Length must be within the limit; any other route refuses such a body
 * (415). A refusal answers at once and closes the connection, so a client that sends 100 MiB unasked is not
 * read (a kept-alive connection would have to drain it). Without Content-Length (chunked) the count stops the
 * reading at the limit.
 */
@Injectable()
export class ContentUploadBodyParser implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    @Inject(EDGE_AUTHENTICATOR) private readonly authenticator: EdgeAuthenticator,
  ) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('application/octet-stream')) {
      return;
    }
    fastify.addHook('preParsing', async (request, reply, payload) => {
      // Fastify's own reading of the header (lower-cased, parameters parsed), the one its parsers are chosen by,
      // so no spelling of the header reaches the upload parser past this check.
      if (!UPLOAD_TYPES.test(request.mediaType ?? '') || !carriesBody(request)) {
        return payload;
      }
      const refusal = await this.refusalOf(request);
      if (refusal !== null) {
        void reply.header('connection', 'close');
        throw refusal;
      }
      return payload;
    });
    // Any answer given before the body was read in full (a 415 for a type nobody parses, a body without
    // Content-Type, an unknown route, a refusal above) closes the connection: on a kept-alive one Node would
    // drain the unread body, reading the 100 MiB after all.
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (!request.raw.complete) {
        void reply.header('connection', 'close');
      }
      return payload;
    });
    fastify.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => {
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
          done(tooLarge(), undefined);
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

  /** Why this file body must not be read; null when it may. The proxy's guard checks the member again. */
  private async refusalOf(request: FastifyRequest): Promise<HttpException | null> {
    if (request.method !== 'POST' || !UPLOAD_PATH.test(request.url)) {
      return new UnsupportedMediaTypeException('Only POST /api/content/media takes a file body');
    }
    const token = bearerToken(request.headers.authorization);
    const member = token === undefined ? null : await this.authenticator.authenticate(token);
    if (member === null) {
      return new UnauthorizedException(
        'Sign in first: send Authorization: Bearer <token from POST /api/auth/sign-in>',
      );
    }
    const requested = request.headers[WORKSPACE_HEADER];
    const choice = identityInWorkspace(member, typeof requested === 'string' ? requested : undefined);
    if (!choice.ok) {
      return workspaceProblem(choice.reason) as HttpException;
    }
    if (!hasPermission(choice.identity.roles, 'media:write')) {
      return new ForbiddenException('Your roles in this workspace do not grant media:write');
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > LIMIT_BYTES) {
      return tooLarge();
    }
    return null;
  }
}

/** A body follows the headers (a GET that names a file type, with nothing after, is not a file upload). */
function carriesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function tooLarge(): PayloadTooLargeException {
  return new PayloadTooLargeException(`The file is larger than ${LIMIT_BYTES} bytes; compress or shorten it`);
}
