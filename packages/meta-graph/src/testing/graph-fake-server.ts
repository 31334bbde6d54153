import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeFaults, type GraphFault } from './fake-faults.js';
import { parseParams, readBody } from './fake-body.js';
import { GraphFakeRouter, type GraphFakeRequest, type GraphFakeResponse } from './fake-router.js';
import { FakeUsage, usageHeaders, type UsageBucket, type UsageConfig } from './fake-usage.js';
import { graphError, invalidParameter } from './graph-fake-errors.js';
import { signedDelivery } from './webhook-signer.js';

export interface GraphFakeOptions {
  /** The version the fake serves, such as v25.0; unversioned calls get it too (the app's default). */
  readonly version: string;
  /** Signs webhook deliveries. */
  readonly appSecret: string;
  readonly usage?: Partial<UsageConfig>;
  /** Milliseconds since the epoch; `advance()` moves the fake's time on top of it. */
  readonly clock?: () => number;
  /** Which usage bucket a token spends; undefined for tokens that count nowhere (app tokens, unknown ones). */
  readonly bucketOf?: (token: string) => UsageBucket | undefined;
  /** The app's "Require App Secret" switch (1.4): a call with a token but no appsecret_proof is refused. */
  readonly requireAppSecretProof?: boolean;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly version: string | null;
  /** The query string's parameters, to check what a client asked for. */
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** The appsecret_proof sent with the token (1.4): absent, or checked against HMAC-SHA256(app secret, token). */
  readonly proof: 'absent' | 'valid' | 'invalid';
}

/**
 * The Graph mechanics every Meta fake shares (network-apis.md 1): real HTTP on loopback, version-prefixed
 * paths, parameters from query and body alike, usage headers on every answer and throttling when the budget is
 * spent, the error envelope, one-shot faults, and signed webhook deliveries. A network's fake adds its routes.
 */
export class GraphFakeServer {
  readonly router = new GraphFakeRouter();
  private readonly faults = new FakeFaults();
  private readonly usage: FakeUsage;
  private readonly log: RequestLogEntry[] = [];
  private readonly deliveries: {
    payload: unknown;
    rawBody: Uint8Array;
    headers: Record<string, string | undefined>;
  }[] = [];
  private callback: string | undefined;
  private offset = 0;
  private baseUrl = '';

  private constructor(
    private readonly server: Server,
    private readonly options: GraphFakeOptions,
  ) {
    this.usage = new FakeUsage({ callsPerHour: 10_000, ...options.usage }, () => this.now());
  }

  static async start(options: GraphFakeOptions): Promise<GraphFakeServer> {
    const server = createServer();
    const fake = new GraphFakeServer(server, options);
    server.on('request', (request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({ error: { message: `fake failure: ${(error as Error).message}`, code: 1 } }),
          );
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  get url(): string {
    return this.baseUrl;
  }

  get version(): string {
    return this.options.version;
  }

  now(): number {
    return (this.options.clock ?? Date.now)() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  injectFault(fault: GraphFault): void {
    this.faults.add(fault);
  }

  requests(): readonly RequestLogEntry[] {
    return [...this.log];
  }

  /** Meta's webhook subscription: the GET handshake first; deliveries are then also POSTed there. */
  async subscribe(callbackUrl: string, verifyToken: string): Promise<void> {
    const url = new URL(callbackUrl);
    const challenge = String(Math.floor(this.now() % 1e9));
    url.search = new URLSearchParams({
      'hub.mode': 'subscribe',
      'hub.verify_token': verifyToken,
      'hub.challenge': challenge,
    }).toString();
    const response = await fetch(url);
    const body = await response.text();
    if (response.status !== 200 || body !== challenge) {
      throw new Error(`callback verification failed: HTTP ${response.status} ${body}`);
    }
    this.callback = callbackUrl;
  }

  /** Signs and records a delivery (and POSTs it to a subscribed callback). */
  async deliver(payload: unknown): Promise<void> {
    const delivery = signedDelivery(this.options.appSecret, payload);
    this.deliveries.push({ payload, rawBody: delivery.rawBody, headers: { ...delivery.headers } });
    if (this.callback) {
      await fetch(this.callback, {
        method: 'POST',
        headers: delivery.headers as Record<string, string>,
        body: delivery.rawBody,
      }).catch(
        () => undefined, // at-least-once: a failed delivery stays recorded for a retry
      );
    }
  }

  /** Every signed delivery, oldest first. */
  webhookDeliveries(): readonly {
    payload: unknown;
    rawBody: Uint8Array;
    headers: Record<string, string | undefined>;
  }[] {
    return [...this.deliveries];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const method = request.method ?? 'GET';
    const versioned = /^\/(v\d+\.\d+)(\/.*)$/u.exec(url.pathname);
    const version = versioned ? versioned[1]! : null;
    const path = versioned ? versioned[2]! : url.pathname;
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : value,
      ]),
    );
    const raw = await readBody(request);
    const query = Object.fromEntries(url.searchParams);
    let proof: RequestLogEntry['proof'] = 'absent';
    const log = (status: number) => this.log.push({ method, path, version, query, status, proof });
    let parsed;
    try {
      parsed = await parseParams(raw, headers['content-type'], url.searchParams);
    } catch {
      log(400);
      return write(response, invalidParameter('The request body could not be parsed'), {});
    }
    const token =
      parsed.params.access_token ?? /^(?:Bearer|OAuth)\s+(.+)$/iu.exec(headers.authorization ?? '')?.[1];
    const sentProof = parsed.params.appsecret_proof;
    if (token && sentProof !== undefined) {
      const expected = createHmac('sha256', this.options.appSecret).update(token).digest('hex');
      proof = sentProof === expected ? 'valid' : 'invalid';
    }
    if (token && (proof === 'invalid' || (proof === 'absent' && this.options.requireAppSecretProof))) {
      log(400);
      return write(
        response,
        graphError({
          code: 100,
          type: 'GraphMethodException',
          message:
            proof === 'invalid'
              ? 'Invalid appsecret_proof provided in the API argument'
              : 'API calls from the server require an appsecret_proof argument',
        }),
        {},
      );
    }
    if (version !== null && version !== this.options.version) {
      log(400);
      return write(
        response,
        graphError({
          code: 2635,
          message: `(#2635) You are calling a deprecated version of the Graph API (${version}). Please update to ${this.options.version}.`,
        }),
        {},
      );
    }
    const bucket = token ? this.options.bucketOf?.(token) : undefined;
    let usage: Record<string, string> = {};
    if (token && bucket) {
      const spent = this.usage.spend(token, bucket);
      usage = spent.headers;
      if (spent.throttled) {
        log(400);
        return write(
          response,
          graphError({
            code: bucket.throttleCode,
            message: `(#${bucket.throttleCode}) Application request limit reached`,
          }),
          usage,
        );
      }
    }
    const fault = this.faults.take(method, path);
    if (fault?.kind === 'graph-error') {
      log(fault.error.status ?? 400);
      const headersOf =
        bucket && fault.regainMinutes !== undefined ? usageHeaders(bucket, 100, fault.regainMinutes) : usage;
      return write(response, graphError(fault.error), { ...headersOf, ...fault.headers });
    }
    if (fault?.kind === 'html') {
      log(fault.status);
      return write(
        response,
        {
          status: fault.status,
          text: `<!DOCTYPE html><html><body><h1>${fault.status} Bad Gateway</h1></body></html>`,
          contentType: 'text/html',
        },
        {},
      );
    }
    const route = this.router.match(method, path);
    const fakeRequest: GraphFakeRequest = {
      method,
      path,
      version,
      query: url.searchParams,
      params: parsed.params,
      files: parsed.files,
      headers,
      pathParams: route?.pathParams ?? {},
      token,
      rawBody: raw,
    };
    const result: GraphFakeResponse = route
      ? await route.handler(fakeRequest)
      : graphError({ code: 100, message: `Unknown path components: ${path}` });
    if (fault?.kind === 'timeout-after-send') {
      log(0); // applied; the answer never leaves
      return;
    }
    if (fault?.kind === 'body') {
      log(fault.status);
      return write(
        response,
        { status: fault.status, text: fault.text, contentType: 'application/json' },
        usage,
      );
    }
    if (fault?.kind === 'truncated') {
      log(result.status);
      const text = JSON.stringify(result.body ?? {});
      response.writeHead(result.status, {
        ...usage,
        'content-type': 'application/json',
        'content-length': String(text.length + 40),
      });
      response.write(text.slice(0, Math.floor(text.length / 2)));
      response.socket?.destroy();
      return;
    }
    log(result.status);
    write(response, result, usage);
  }
}

function write(response: ServerResponse, result: GraphFakeResponse, usage: Record<string, string>): void {
  const headers: Record<string, string> = { ...usage, ...result.headers };
  if (result.text !== undefined) {
    response.writeHead(result.status, {
      ...headers,
      'content-type': result.contentType ?? 'text/plain; charset=utf-8',
    });
    response.end(result.text);
    return;
  }
  if (result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  response.writeHead(result.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(result.body));
}
