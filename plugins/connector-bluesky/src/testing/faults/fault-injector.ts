import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractFault } from '@chorus/connector-testkit';
import { agedAccessToken } from './aged-token.js';

const CREATE_RECORD = '/xrpc/com.atproto.repo.createRecord';
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

export interface FaultInjectorOptions {
  /** The PDS every request goes on to. */
  readonly target: string;
  /** The PDS's token secret, to age a token the network must refuse. */
  readonly accessTokenSecret: string;
}

/**
 * A fault injector, not a fake: a loopback HTTP proxy in front of the real local PDS that passes every request
 * through unchanged, except the next createRecord after a fault is queued:
 * - rate-limited: answered 429 with Bluesky's body and ratelimit-* headers (network-apis.md 11.5), not forwarded;
 * - server-error: answered 500 InternalServerError, not forwarded (a failing load balancer);
 * - invalid-content: forwarded with the text made 301 graphemes long, so the PDS refuses it itself;
 * - timeout-after-send: forwarded, and the PDS's answer withheld until the client gives up.
 * And a token marked expired is re-signed with an expiry in the past, so the PDS itself answers ExpiredToken.
 */
export class FaultInjector {
  private readonly queued: { fault: ContractFault; after: number }[] = [];
  private readonly expired = new Set<string>();
  private readonly withheld = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    private readonly options: FaultInjectorOptions,
    readonly url: string,
  ) {}

  static async start(options: FaultInjectorOptions): Promise<FaultInjector> {
    const holder: { injector?: FaultInjector } = {};
    const server = createServer((request, response) => {
      holder.injector!.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(502, { 'content-type': 'application/json' });
        }
        response.end(JSON.stringify({ error: 'UpstreamFailure', message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const injector = new FaultInjector(server, options, `http://127.0.0.1:${port}`);
    holder.injector = injector;
    return injector;
  }

  /** Applies a fault to the next createRecord, or to a later one: `after` createRecords pass untouched first. */
  next(fault: ContractFault, options: { readonly after?: number } = {}): void {
    this.queued.push({ fault, after: options.after ?? 0 });
  }

  /** Makes the PDS refuse this access token as expired from now on. */
  expire(accessToken: string): void {
    this.expired.add(accessToken);
  }

  async close(): Promise<void> {
    for (const response of this.withheld) {
      response.destroy();
    }
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = await readBody(request);
    const fault =
      request.method === 'POST' && request.url?.startsWith(CREATE_RECORD) ? this.take() : undefined;
    switch (fault?.kind) {
      case 'rate-limited':
        return reply(
          response,
          429,
          { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
          {
            'ratelimit-limit': '5000',
            'ratelimit-remaining': '0',
            'ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.retryAfterSeconds),
            'ratelimit-policy': '5000;w=3600',
          },
        );
      case 'server-error':
        return reply(response, 500, { error: 'InternalServerError', message: 'Internal Server Error' });
      case 'invalid-content':
        body = tooLong(body);
        break;
      case 'timeout-after-send':
      case undefined:
        break;
    }
    const upstream = await this.forward(request, body);
    if (fault?.kind === 'timeout-after-send') {
      // The PDS has applied the write; the client never learns it.
      this.withheld.add(response);
      response.on('close', () => this.withheld.delete(response));
      return;
    }
    response.writeHead(upstream.status, upstream.headers);
    response.end(upstream.body);
  }

  private take(): ContractFault | undefined {
    const first = this.queued[0];
    if (!first) {
      return undefined;
    }
    if (first.after > 0) {
      first.after -= 1;
      return undefined;
    }
    this.queued.shift();
    return first.fault;
  }

  private forward(request: IncomingMessage, body: Buffer) {
    const target = new URL(request.url ?? '/', this.options.target);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) {
        headers[name] = value;
      }
    }
    const bearer = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1];
    if (bearer && this.expired.has(bearer)) {
      headers.authorization = `Bearer ${agedAccessToken(bearer, this.options.accessTokenSecret)}`;
    }
    headers['content-length'] = String(body.length);
    return new Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }>(
      (resolve, reject) => {
        const outgoing = httpRequest(target, { method: request.method, headers }, (incoming) => {
          readBody(incoming).then((data) => {
            const passed: Record<string, string | string[]> = {};
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined && !HOP_BY_HOP.has(name)) {
                passed[name] = value;
              }
            }
            resolve({ status: incoming.statusCode ?? 502, headers: passed, body: data });
          }, reject);
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      },
    );
  }
}

function tooLong(body: Buffer): Buffer {
  const json = JSON.parse(body.toString('utf8')) as { record?: { text?: string } };
  if (json.record) {
    json.record.text = '👍🏽'.repeat(301);
  }
  return Buffer.from(JSON.stringify(json));
}

function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    date: new Date().toUTCString(),
    ...headers,
  });
  response.end(JSON.stringify(body));
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
