import { BadGatewayException, Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDENTITY_HEADER, WORKSPACE_HEADER } from '@chorus/access';
import {
  PublicEndpoint,
  SERVICE_LOGGER,
  UpstreamUnavailableError,
  endToEndHeaders,
  type JsonLogger,
  type Upstream,
} from '@chorus/service-kit';
import { UPSTREAMS } from '../../gateway.tokens.js';

/**
 * An allow-listed pass-through WITHOUT a signed-in member, GET only: the content service's signed links, with
 * which networks fetch the media they publish and calendar apps read the editorial calendar feed. The HMAC
 * signature and expiry in the URL are the credential; content checks them (apps/content, docs/adr/0023).
 */
const SERVICE = 'content';
const PREFIX = `/api/${SERVICE}`;

// No identity travels: none is signed, and one sent from outside is never trusted.
const NOT_FORWARDED = ['authorization', 'cookie', IDENTITY_HEADER, WORKSPACE_HEADER];

@ApiExcludeController()
@Controller('api/content/public')
export class PublicContentFilesProxyHttpController {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Readonly<Record<string, Upstream>>,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  @Get('*')
  @PublicEndpoint()
  async open(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const upstream = this.upstreams[SERVICE];
    if (upstream === undefined) {
      throw new BadGatewayException('The content service is not configured; try again shortly');
    }
    const headers = endToEndHeaders(request.headers);
    for (const name of NOT_FORWARDED) {
      delete headers[name];
    }
    try {
      const response = await upstream.forward({
        method: 'GET',
        path: request.url.slice(PREFIX.length),
        headers,
        body: undefined,
      });
      await reply.status(response.status).headers(response.headers).send(response.body);
    } catch (error) {
      if (error instanceof UpstreamUnavailableError) {
        this.logger.write('error', 'upstream unavailable', { upstream: SERVICE, error: error.cause });
        throw new BadGatewayException(`${error.message}; try again shortly`);
      }
      throw error;
    }
  }
}
