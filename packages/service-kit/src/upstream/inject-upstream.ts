import type { FastifyInstance } from 'fastify';
import {
  endToEndHeaders,
  UpstreamUnavailableError,
  type Upstream,
  type UpstreamRequest,
  type UpstreamResponse,
} from './upstream.js';

/**
 * Embedded mode: the request goes through the service's whole Fastify pipeline (hooks, guards, validation)
 * by injection, without a socket or a port. See docs/adr/0006-embedded-and-distributed-hosts.md.
 */
export class InjectUpstream implements Upstream {
  constructor(
    private readonly service: string,
    private readonly fastify: FastifyInstance,
  ) {}

  async forward(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      const response = await this.fastify.inject({
        method: request.method as 'GET',
        url: request.path,
        headers: request.headers,
        ...(request.body === undefined ? {} : { payload: request.body }),
      });
      return {
        status: response.statusCode,
        headers: endToEndHeaders(response.headers),
        body: response.rawPayload,
      };
    } catch (error) {
      throw new UpstreamUnavailableError(this.service, error);
    }
  }
}
