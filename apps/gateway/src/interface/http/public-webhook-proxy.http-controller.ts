import { BadGatewayException, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
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
 * The allow-list of service routes the gateway passes through WITHOUT a signed-in member: only the community
 * service's webhook intake, where networks post and the connector's signature check authenticates the call
 * (docs/adr/0008-webhook-intake.md). Everything else under /api/<service>/ needs a member.
 */
const SERVICE = 'community';
const PREFIX = `/api/${SERVICE}`;

// No identity travels: none is signed, and one sent from outside is never trusted.
const NOT_FORWARDED = ['authorization', 'cookie', IDENTITY_HEADER, WORKSPACE_HEADER];

@ApiExcludeController()
@Controller('api/community/webhooks')
export class PublicWebhookProxyHttpController {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Readonly<Record<string, Upstream>>,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  @Post(':connector')
  @PublicEndpoint()
  async deliver(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pass(request, reply);
  }

  @Get(':connector')
  @PublicEndpoint()
  async handshake(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pass(request, reply);
  }

  private async pass(request: FastifyRequest & { rawBody?: Buffer }, reply: FastifyReply): Promise<void> {
    const upstream = this.upstreams[SERVICE];
    if (upstream === undefined) {
      throw new BadGatewayException('The community service is not configured; try again shortly');
    }
    const headers = endToEndHeaders(request.headers);
    for (const name of NOT_FORWARDED) {
      delete headers[name];
    }
    try {
      const response = await upstream.forward({
        method: request.method,
        path: request.url.slice(PREFIX.length),
        headers,
        // The exact bytes received: the signature is over them, and re-serialised JSON would not match.
        body: request.rawBody,
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
