import http from 'node:http';
import https from 'node:https';
import {
  endToEndHeaders,
  UpstreamUnavailableError,
  type Upstream,
  type UpstreamRequest,
  type UpstreamResponse,
} from './upstream.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Distributed mode: plain HTTP to the service's base URL, on kept-alive connections. node:http rather than
 * fetch: the publisher reads credentials through this for every attempt, and fetch's streams cost several
 * times more CPU per request (ADR 0032).
 */
export class HttpUpstream implements Upstream {
  private readonly base: string;
  private readonly client: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(
    private readonly service: string,
    baseUrl: string,
    private readonly options: { readonly timeoutMs?: number } = {},
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.client = new URL(this.base).protocol === 'https:' ? https : http;
    // Idle kept-alive sockets do not hold the process open (the agent unrefs them); one idle for 4 s, or 1 s
    // less than the service's announced keep-alive, is closed before the service closes it under a request.
    this.agent = new this.client.Agent({ keepAlive: true, timeout: 4_000 });
  }

  forward(request: UpstreamRequest): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      const unavailable = (error: unknown) => reject(new UpstreamUnavailableError(this.service, error));
      let outgoing: http.ClientRequest;
      try {
        outgoing = this.client.request(`${this.base}${request.path}`, {
          method: request.method,
          headers: request.headers,
          agent: this.agent,
        });
      } catch (error) {
        // An invalid header value or URL: nothing was sent.
        unavailable(error);
        return;
      }
      // The whole exchange, body included, is bounded (as fetch's timeout signal bounded it).
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timer = setTimeout(
        () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      timer.unref();
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        unavailable(error);
      });
      outgoing.on('response', (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => {
          clearTimeout(timer);
          unavailable(error);
        });
        incoming.on('close', () => {
          if (!incoming.complete) {
            clearTimeout(timer);
            unavailable(new Error('the connection closed before the answer ended'));
          }
        });
        incoming.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: incoming.statusCode ?? 502,
            headers: endToEndHeaders(incoming.headers),
            body: Buffer.concat(chunks),
          });
        });
      });
      outgoing.end(request.body);
    });
  }
}
