import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_INSTANCE_CONFIG, type FakeInstanceConfig } from './fake-config.js';
import { FakeFaults, type FakeFault } from './fake-faults.js';
import {
  DEFAULT_THROTTLES,
  FakeRateLimits,
  rateLimitHeaders,
  type ThrottleConfig,
} from './fake-rate-limits.js';
import { FakeRender } from './fake-render.js';
import { parseBody, readBody } from './fake-request.js';
import { FakeRouter, mastodonError, type FakeResponse } from './fake-router.js';
import { FakeState, type AccountRecord, type StatusRecord } from './fake-state.js';
import {
  FakeWebhooks,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookRecord,
} from './fake-webhooks.js';
import type { RouteDeps } from './route-deps.js';
import { registerAccountRoutes } from './routes/accounts.routes.js';
import { registerAppRoutes } from './routes/apps.routes.js';
import { registerConversationRoutes } from './routes/conversations.routes.js';
import { registerInstanceRoutes } from './routes/instance.routes.js';
import { registerMediaRoutes } from './routes/media.routes.js';
import { registerNotificationRoutes } from './routes/notifications.routes.js';
import { registerOAuthRoutes } from './routes/oauth.routes.js';
import { registerStatusRoutes } from './routes/statuses.routes.js';

export interface MastodonFakeOptions {
  readonly instance?: Partial<FakeInstanceConfig>;
  readonly throttles?: Partial<ThrottleConfig>;
  /** Milliseconds since the epoch; the real clock by default. `advance()` moves the fake's time on top of it. */
  readonly clock?: () => number;
  /**
   * The network's latency: each request is handled this long after it arrived (benchmarks). A request whose
   * client gave up meanwhile is still applied, as a real server behind a queue would.
   */
  readonly latencyMs?: number;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly idempotencyKey: string | null;
  /** When the request arrived, by the fake's clock (before any simulated latency). */
  readonly receivedAt: number;
}

/**
 * A faithful fake of one Mastodon server: real HTTP on loopback, the documented endpoints, status codes,
 * error bodies, Link pagination, rate-limit headers and 429s, asynchronous media processing, Idempotency-Key
 * and OAuth. Tests drive it through its HTTP API like any client, and inspect it through this object.
 */
export class MastodonFake {
  readonly state: FakeState;
  private readonly webhooks: FakeWebhooks;
  private readonly router = new FakeRouter();
  private readonly faults = new FakeFaults();
  private readonly rateLimits: FakeRateLimits;
  private readonly log: RequestLogEntry[] = [];
  private readonly publishedStatuses: StatusRecord[] = [];
  private offset = 0;
  private consentUsername: string | undefined;
  private baseUrl = '';
  private readonly latencyMs: number;

  private constructor(
    private readonly server: Server,
    options: MastodonFakeOptions,
  ) {
    this.latencyMs = options.latencyMs ?? 0;
    const clock = options.clock ?? Date.now;
    const now = () => clock() + this.offset;
    this.state = new FakeState({ ...DEFAULT_INSTANCE_CONFIG, ...options.instance }, now);
    this.rateLimits = new FakeRateLimits({ ...DEFAULT_THROTTLES, ...options.throttles }, now);
    const render = new FakeRender(this.state, () => this.baseUrl);
    this.webhooks = new FakeWebhooks(
      now,
      () => `Mastodon/${this.state.config.version} (http.rb/5.2.0; +${this.baseUrl}/)`,
    );
    // Admin webhooks see every local status, whatever its visibility, rendered without a viewer.
    this.state.statusCreatedListeners.push((status) =>
      this.webhooks.trigger('status.created', render.status(status, null)),
    );
    const deps: RouteDeps = {
      state: this.state,
      render,
      baseUrl: () => this.baseUrl,
      consentUser: () =>
        this.consentUsername ? this.state.accountByUsername(this.consentUsername) : undefined,
      published: this.publishedStatuses,
    };
    for (const register of [
      registerOAuthRoutes,
      registerAppRoutes,
      registerInstanceRoutes,
      registerAccountRoutes,
      registerMediaRoutes,
      registerStatusRoutes,
      registerNotificationRoutes,
      registerConversationRoutes,
    ]) {
      register(this.router, deps);
    }
  }

  static async start(options: MastodonFakeOptions = {}): Promise<MastodonFake> {
    const server = createServer();
    const fake = new MastodonFake(server, options);
    server.on('request', (request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: `fake failure: ${(error as Error).message}` }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The instance's base URL, like https://mastodon.social. */
  get url(): string {
    return this.baseUrl;
  }

  async close(): Promise<void> {
    await this.webhooks.settled();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  createAccount(username: string, displayName?: string): AccountRecord {
    const account = this.state.createAccount(username, displayName);
    this.consentUsername ??= username;
    return account;
  }

  /** The account whose browser session approves /oauth/authorize (the first account by default). */
  consentAs(username: string): void {
    this.consentUsername = username;
  }

  /** A token as if the person had authorized an app, for test actors that skip the OAuth dance. */
  tokenFor(accountId: string, scopes: readonly string[] = ['read', 'write', 'follow']): string {
    return this.state.issueToken(accountId, null, scopes).token;
  }

  revokeToken(token: string): void {
    const record = this.state.tokens.get(token);
    if (record) {
      record.revokedAt = this.state.now();
    }
  }

  injectFault(fault: FakeFault): void {
    this.faults.add(fault);
  }

  /** Moves the fake's clock (idempotency keys, rate-limit windows, poll expiry). */
  advance(ms: number): void {
    this.offset += ms;
  }

  /** Every status created through POST /api/v1/statuses, duplicates included; idempotent replays are not. */
  published(): readonly StatusRecord[] {
    return [...this.publishedStatuses];
  }

  /**
   * What an admin does on Administration > Webhooks (Mastodon has no API for it): deliveries of the chosen
   * events to `url`, signed with `secret` (generated when not given).
   */
  registerWebhook(input: { url: string; events: readonly WebhookEvent[]; secret?: string }): WebhookRecord {
    return this.webhooks.register(input);
  }

  /** Every webhook delivery, with the exact body, its signature and the status of each attempt. */
  webhookDeliveries(): readonly WebhookDelivery[] {
    return this.webhooks.deliveries.map((delivery) => ({ ...delivery, attempts: [...delivery.attempts] }));
  }

  /** Resolves when every delivery started so far has been answered. */
  async webhooksSettled(): Promise<void> {
    await this.webhooks.settled();
  }

  /** Runs the next round of Sidekiq retries for deliveries that failed with a salvageable answer. */
  async retryWebhooks(): Promise<void> {
    await this.webhooks.retry();
  }

  /** Posts a delivery again, byte for byte, and returns the receiver's status (0: no answer). */
  async redeliverWebhook(deliveryId: number): Promise<number> {
    return this.webhooks.redeliver(deliveryId);
  }

  requests(): readonly RequestLogEntry[] {
    return [...this.log];
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const method = request.method ?? 'GET';
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : value,
      ]),
    );
    const receivedAt = this.state.now();
    const raw = await readBody(request);
    if (this.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    }
    const bearer = /^Bearer\s+(.+)$/iu.exec(headers.authorization ?? '')?.[1];
    const token = this.state.validToken(bearer);
    const entry = {
      method,
      path: url.pathname,
      idempotencyKey: headers['idempotency-key'] ?? null,
      receivedAt,
    };
    const send = (result: FakeResponse, extraHeaders: Record<string, string>) => {
      this.log.push({ ...entry, status: result.status });
      write(response, result, extraHeaders, this.state.now());
    };

    const verdict = this.rateLimits.check({
      method,
      path: url.pathname,
      token: token?.token ?? null,
      accountId: token?.accountId ?? null,
      ip: request.socket.remoteAddress ?? '127.0.0.1',
    });
    if (verdict.throttled) {
      return send(mastodonError(429, 'Too many requests'), verdict.headers);
    }

    const fault = this.faults.take(method, url.pathname);
    if (fault?.kind === 'reset-before-apply') {
      this.log.push({ ...entry, status: 0 });
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'rate-limited') {
      const headers429 = rateLimitHeaders(300, 0, this.state.now() + fault.retryAfterSeconds * 1000);
      return send(mastodonError(429, 'Too many requests'), headers429);
    }
    if (fault?.kind === 'server-error') {
      return send(mastodonError(fault.status ?? 503, 'Service Unavailable'), verdict.headers);
    }
    if (fault?.kind === 'invalid-content') {
      return send(
        mastodonError(422, fault.message ?? 'Validation failed: Text contains content the server refuses'),
        verdict.headers,
      );
    }

    const route = this.router.match(method, url.pathname);
    let result: FakeResponse;
    if (!route) {
      result = mastodonError(404, 'Not Found');
    } else {
      let body;
      try {
        body = await parseBody(raw, headers['content-type']);
      } catch {
        return send(mastodonError(400, 'Error occurred while parsing request parameters'), verdict.headers);
      }
      result = await route.handler({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        params: body.params,
        files: body.files,
        pathParams: route.pathParams,
        token,
      });
    }
    if (fault?.kind === 'timeout-after-send') {
      // Applied, but the answer never leaves: hold the connection until the client gives up.
      this.log.push({ ...entry, status: 0 });
      return;
    }
    send(result, verdict.headers);
  }
}

function write(
  response: ServerResponse,
  result: FakeResponse,
  extraHeaders: Record<string, string>,
  now: number,
): void {
  const headers: Record<string, string> = {
    ...extraHeaders,
    ...result.headers,
    date: new Date(now).toUTCString(),
  };
  if (result.text !== undefined) {
    response.writeHead(result.status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
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
