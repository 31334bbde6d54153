import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST_INIT, type TikTokFakeFault } from './fake-faults.js';
import { fail, parseBody, readRaw, writeJson, type Exchange } from './fake-http.js';
import { FakeProcessing } from './fake-processing.js';
import { FakeRateLimits, TIKTOK_RATE_LIMITS } from './fake-rate-limits.js';
import type { Route, RouteDeps, TikTokFakeConfig } from './fake-routing.js';
import {
  randomToken,
  TikTokFakeState,
  type MediaMeta,
  type PostRecord,
  type UserRecord,
} from './fake-state.js';
import { FakeWebhooks, type WebhookDelivery } from './fake-webhooks.js';
import { displayRoutes } from './routes/display.routes.js';
import { oauthRoutes } from './routes/oauth.routes.js';
import { publishRoutes } from './routes/publish.routes.js';
import { uploadRoutes } from './routes/upload.routes.js';

export interface TikTokFakeOptions extends Partial<TikTokFakeConfig> {
  readonly rateLimits?: Readonly<Record<string, number>>;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

const DEFAULTS: TikTokFakeConfig = {
  clientKey: 'tiktok-client-key',
  clientSecret: 'tiktok-client-secret',
  audited: true,
  accessTokenSeconds: 7200,
  refreshTokenSeconds: 180 * 86_400,
  verifiedUrlPrefixes: ['https://media.chorus.test/'],
  processingPolls: 1,
  processingMs: 250,
  moderationMs: 0,
  uploadUrlSeconds: 3600,
  dailyPostCap: 15,
  pendingShareCap: 5,
  unauditedUserCap: 5,
};

/**
 * A faithful fake of TikTok's Content Posting and Display APIs on loopback (network-apis.md section 7): Login
 * Kit OAuth with rotating refresh tokens and revocation, creator_info, the three inits with their checks,
 * chunked uploads with Content-Range, URL pulls from verified domains, asynchronous status with moderation,
 * the `{data, error}` envelope with string codes, per-token minute limits and daily caps, the video list
 * with its time cursor, and signed webhook deliveries.
 */
export class TikTokFake {
  readonly state = new TikTokFakeState();
  readonly config: TikTokFakeConfig;
  readonly webhooks: FakeWebhooks;
  readonly processing: FakeProcessing;
  /** Every request answered, in order. */
  readonly log: RequestLogEntry[] = [];
  private readonly rateLimits: FakeRateLimits;
  private readonly faults: TikTokFakeFault[] = [];
  private readonly routes: Route[];
  private signedIn: string | undefined;
  private offsetMs = 0;
  private server!: Server;
  url = '';

  private constructor(options: TikTokFakeOptions) {
    this.config = { ...DEFAULTS, ...options };
    this.rateLimits = new FakeRateLimits(options.rateLimits ?? TIKTOK_RATE_LIMITS);
    const now = () => this.now();
    this.webhooks = new FakeWebhooks(this.config.clientKey, this.config.clientSecret, now);
    this.processing = new FakeProcessing(this.state, this.config, this.webhooks, now);
    const deps: RouteDeps = {
      state: this.state,
      config: this.config,
      webhooks: this.webhooks,
      processing: this.processing,
      now,
      signedInOpenId: () => this.signedIn,
      baseUrl: () => this.url,
    };
    this.routes = [
      ...oauthRoutes(deps),
      ...publishRoutes(deps),
      ...uploadRoutes(deps),
      ...displayRoutes(deps),
    ];
  }

  static async start(options: TikTokFakeOptions = {}): Promise<TikTokFake> {
    const fake = new TikTokFake(options);
    fake.server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        writeJson(
          response,
          500,
          { data: {}, error: { code: 'internal_error', message: String(error), log_id: 'fake' } },
          {},
        );
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The fake's time: real time plus every `travel`. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the fake's clock forward (an upload_url an hour old, a token past its lifetime). */
  travel(ms: number): void {
    this.offsetMs += ms;
  }

  createUser(username: string, options: Partial<UserRecord> = {}): UserRecord {
    return this.state.createUser(username, options);
  }

  /** The person whose browser approves the next authorization. */
  signIn(user: UserRecord): void {
    this.signedIn = user.openId;
  }

  /** An access token issued straight to a user (another user of the network). */
  tokenFor(user: UserRecord, scopes: readonly string[]): string {
    const token = `act.${randomToken()}`;
    this.state.accessTokens.set(token, {
      openId: user.openId,
      scopes,
      family: token,
      expiresAt: this.now() + this.config.accessTokenSeconds * 1000,
    });
    return token;
  }

  /** Makes an access token expire now, as its lifetime passing would. */
  expire(accessToken: string): void {
    const record = this.state.accessTokens.get(accessToken);
    if (record) {
      record.expiresAt = this.now() - 1;
    }
  }

  /** The user removes the app in TikTok: every token dies and `authorization.removed` is delivered (7.5). */
  disconnect(user: UserRecord, reason = 1): void {
    for (const [token, record] of this.state.accessTokens) {
      if (record.openId === user.openId) {
        this.state.revokeFamily(record.family);
        this.state.accessTokens.delete(token);
      }
    }
    this.webhooks.emit('authorization.removed', user.openId, { reason });
  }

  /** A file at a URL TikTok can pull (PULL_FROM_URL), with what TikTok's checks would find in it. */
  host(url: string, meta: MediaMeta): void {
    this.state.hosted.set(url, meta);
  }

  injectFault(fault: TikTokFakeFault): void {
    this.faults.push(fault);
  }

  /** The next job to finish processing fails with this reason (a fail_reason of 7.2). */
  failNextProcessing(reason: string): void {
    this.processing.failNext = reason;
  }

  /** Every post created, duplicates included. */
  published(): readonly PostRecord[] {
    return this.state.published;
  }

  /** The oldest signed webhook delivery not yet taken. */
  nextWebhook(): WebhookDelivery | undefined {
    return this.webhooks.next();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const rawBody = await readRaw(request);
    const exchange: Exchange = {
      method,
      url,
      headers: request.headers,
      rawBody,
      body: {},
      send: (status, payload, headers = {}) => {
        this.log.push({ method, path: url.pathname, status });
        writeJson(response, status, payload, headers);
      },
    };
    const route = this.routes.find(
      (candidate) => candidate.method === method && candidate.path.test(url.pathname),
    );
    if (!route) {
      return fail(exchange, 404, 'invalid_params', `No route for ${method} ${url.pathname}.`);
    }
    if (route.auth === 'user' && !this.authenticate(exchange, route)) {
      return;
    }
    if (route.bucket && !this.rateLimits.take(route.bucket, exchange.accessToken!, this.now())) {
      return fail(exchange, 429, 'rate_limit_exceeded', 'Rate limit exceeded for this endpoint and token.');
    }
    const parsed = parseBody(rawBody, request.headers['content-type']);
    if ('error' in parsed) {
      return fail(exchange, 400, 'invalid_params', parsed.error);
    }
    exchange.body = parsed.body;
    const fault = this.takeFault(method, url.pathname);
    if (fault) {
      return this.applyFault(fault, exchange, response, route);
    }
    await route.handle(exchange);
  }

  private authenticate(exchange: Exchange, route: Route): boolean {
    const bearer = /^Bearer (.+)$/u.exec(exchange.headers.authorization ?? '')?.[1];
    const token = bearer ? this.state.accessTokens.get(bearer) : undefined;
    if (!bearer || !token || token.expiresAt < this.now()) {
      fail(exchange, 401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
      return false;
    }
    if (route.scopes && !route.scopes.some((scope) => token.scopes.includes(scope))) {
      fail(
        exchange,
        401,
        'scope_not_authorized',
        `The user did not authorize the scope ${route.scopes.join(' or ')}.`,
      );
      return false;
    }
    exchange.user = this.state.users.get(token.openId);
    exchange.token = token;
    exchange.accessToken = bearer;
    return true;
  }

  private async applyFault(
    fault: TikTokFakeFault,
    exchange: Exchange,
    response: ServerResponse,
    route: Route,
  ) {
    const applyQuietly = async () => {
      await route.handle({ ...exchange, send: () => undefined });
    };
    switch (fault.kind) {
      case 'rate-limited':
        return fail(
          exchange,
          429,
          'rate_limit_exceeded',
          'Rate limit exceeded.',
          fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
        );
      case 'error':
        return fail(exchange, fault.status, fault.code, fault.message);
      case 'server-error':
        return fail(exchange, 500, 'internal_error', 'Something went wrong. Please try again later.');
      case 'timeout-after-send':
        return applyQuietly();
      case 'raw':
        if (fault.applied) {
          await applyQuietly();
        }
        this.log.push({ method: exchange.method, path: exchange.url.pathname, status: fault.status });
        response.writeHead(fault.status, { 'content-type': fault.contentType });
        response.end(fault.body);
        return;
      case 'truncated':
        if (fault.applied) {
          await applyQuietly();
        }
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
        response.write('{"data":{"publish_id":"v_pub');
        setTimeout(() => response.destroy(), 20);
        return;
    }
  }

  private takeFault(method: string, path: string): TikTokFakeFault | undefined {
    const index = this.faults.findIndex(
      ({ match = POST_INIT }) => match.method === method && match.path.test(path),
    );
    return index === -1 ? undefined : this.faults.splice(index, 1)[0];
  }
}
