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
import { SameOriginJson } from './same-origin-json.guard.js';

/**
 * The second allow-listed pass-through WITHOUT a signed-in member: the content service's approval link, with
 * which a client approver with no account reads a post and approves or rejects it. The signed, expiring,
 * single-use token in the request is the credential; content checks it (apps/content, docs/adr/0022).
 */
const SERVICE = 'content';
const PREFIX = `/api/${SERVICE}`;

// No identity travels: none is signed, and one sent from outside is never trusted.
const NOT_FORWARDED = ['authorization', 'cookie', IDENTITY_HEADER, WORKSPACE_HEADER];

@ApiExcludeController()
@Controller('api/content/approval-link')
export class PublicApprovalLinkProxyHttpController {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Readonly<Record<string, Upstream>>,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  @Get()
  @PublicEndpoint()
  async open(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pass(request, reply);
  }

  // No session, so no CSRF token: JSON from this installation's origin only, like the other public POSTs.
  @Post('decision')
  @PublicEndpoint()
  @SameOriginJson()
  async decide(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pass(request, reply);
  }

  private async pass(request: FastifyRequest & { rawBody?: Buffer }, reply: FastifyReply): Promise<void> {
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
        method: request.method,
        path: request.url.slice(PREFIX.length),
        headers,
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
