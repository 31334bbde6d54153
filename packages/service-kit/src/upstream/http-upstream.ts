import {
  endToEndHeaders,
  UpstreamUnavailableError,
  type Upstream,
  type UpstreamRequest,
  type UpstreamResponse,
} from './upstream.js';

const TIMEOUT_MS = 30_000;

/** Distributed mode: plain HTTP to the service's base URL. */
export class HttpUpstream implements Upstream {
  private readonly base: string;

  constructor(
    private readonly service: string,
    baseUrl: string,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  async forward(request: UpstreamRequest): Promise<UpstreamResponse> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: new Uint8Array(request.body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new UpstreamUnavailableError(this.service, error);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return {
      status: response.status,
      headers: endToEndHeaders(headers),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }
}
