import {
  All,
  Controller,
  Inject,
  NotFoundException,
  BadGatewayException,
  Param,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { IDENTITY_HEADER, WORKSPACE_HEADER, identityInWorkspace, signIdentity } from '@chorus/access';
import {
  AuthenticatedEndpoint,
  SERVICE_LOGGER,
  UpstreamUnavailableError,
  endToEndHeaders,
  workspaceProblem,
  type JsonLogger,
  type RequestWithMember,
  type Upstream,
} from '@chorus/service-kit';
import { IDENTITY_SIGNING_KEY, UPSTREAMS } from '../../gateway.tokens.js';

// Credentials for the gateway stay at the gateway; an identity header from outside is never trusted.
const NOT_FORWARDED = ['authorization', 'cookie', IDENTITY_HEADER, WORKSPACE_HEADER];

/**
 * `/api/<service>/<path>` -> the service's `/<path>`, with the caller's identity in the chosen workspace signed
 * for that service alone. The service checks the permission (each route declares one).
 */
@ApiExcludeController()
@Controller('api')
export class ServiceProxyHttpController {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Readonly<Record<string, Upstream>>,
    @Inject(IDENTITY_SIGNING_KEY) private readonly signingKey: KeyObject,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  @All(':service/*')
  @AuthenticatedEndpoint()
  async forward(
    @Param('service') service: string,
    @Req() request: FastifyRequest & RequestWithMember,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Own keys only: `constructor` or `__proto__` must not reach Object.prototype's members.
    const upstream = Object.hasOwn(this.upstreams, service) ? this.upstreams[service] : undefined;
    if (upstream === undefined) {
      throw new NotFoundException(
        `No API at /api/${service}; services: ${Object.keys(this.upstreams).join(', ')}`,
      );
    }
    const requested = request.headers[WORKSPACE_HEADER];
    const choice = identityInWorkspace(
      request.member!,
      typeof requested === 'string' ? requested : undefined,
    );
    if (!choice.ok) {
      throw workspaceProblem(choice.reason);
    }

    const headers = endToEndHeaders(request.headers);
    for (const name of NOT_FORWARDED) {
      delete headers[name];
    }
    headers[IDENTITY_HEADER] = signIdentity(choice.identity, {
      audience: service,
      privateKey: this.signingKey,
    });

    try {
      const response = await upstream.forward({
        method: request.method,
        path: request.url.slice(`/api/${service}`.length) || '/',
        headers,
        body: bodyOf(request, headers),
      });
      await reply.status(response.status).headers(response.headers).send(response.body);
    } catch (error) {
      if (error instanceof UpstreamUnavailableError) {
        this.logger.write('error', 'upstream unavailable', { upstream: service, error: error.cause });
        throw new BadGatewayException(`${error.message}; try again shortly`);
      }
      throw error;
    }
  }
}

function bodyOf(request: FastifyRequest, headers: Record<string, string>): Buffer | undefined {
  const body = request.body;
  if (body === undefined || body === null) {
    return undefined;
  }
  if (Buffer.isBuffer(body)) {
    return body;
  }
  if (typeof body === 'string') {
    return Buffer.from(body);
  }
  headers['content-type'] = 'application/json';
  return Buffer.from(JSON.stringify(body));
}
