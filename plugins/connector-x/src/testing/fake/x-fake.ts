import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CREATE_POST, type XFakeFault } from './x-fake-faults.js';
import { parseBody, problem, readRaw, writeJson, type Exchange } from './x-fake-http.js';
import { X_RATE_LIMITS, XFakeRateLimits, type EndpointLimits } from './x-fake-rate-limits.js';
import type { Route, RouteDeps, XFakeConfig } from './x-fake-routing.js';
import { XFakeState, type PostRecord, type UserRecord } from './x-fake-state.js';
import { XFakeWebhooks } from './x-fake-webhooks.js';
import { mediaRoutes } from './routes/media.routes.js';
import { messagesRoutes } from './routes/messages.routes.js';
import { oauthRoutes } from './routes/oauth.routes.js';
import { tweetsRoutes } from './routes/tweets.routes.js';
import { usersRoutes } from './routes/users.routes.js';
import { webhooksRoutes } from './routes/webhooks.routes.js';

export interface XFakeOptions extends Partial<XFakeConfig> {
  readonly rateLimits?: Readonly<Record<string, EndpointLimits>>;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

const DEFAULTS: XFakeConfig = {
  clientId: 'x-client-id',
  clientSecret: 'x-client-secret',
  consumerSecret: 'x-consumer-secret',
  checkAfterSecs: 1,
  processingPolls: 1,
  mediaExpiresAfterSecs: 86_400,
  selfServe: true,
  accessTokenSeconds: 7200,
};

/**
 * A faithful fake of X API v2 on loopback (network-apis.md section 5): OAuth 2 with PKCE and rotating refresh
 * tokens, posts, chunked media with asynchronous processing, timelines with next_token/since_id, hidden
 * replies, DMs, webhooks with CRC and signed deliveries, rate-limit headers on every response.
 */
export class XFake {
  readonly state = new XFakeState();
  readonly config: XFakeConfig;
  readonly webhooks: XFakeWebhooks;
  readonly rateLimits: XFakeRateLimits;
  /** Every request answered, in order. */
  readonly log: RequestLogEntry[] = [];
  private readonly faults: { fault: XFakeFault; skip: number }[] = [];
  private readonly routes: Route[];
  private signedIn: string | undefined;
  private failProcessing = false;
  private server!: Server;
  url = '';

  private constructor(options: XFakeOptions) {
    this.config = { ...DEFAULTS, ...options };
    this.rateLimits = new XFakeRateLimits(options.rateLimits ?? X_RATE_LIMITS);
    this.webhooks = new XFakeWebhooks(this.state, this.config.consumerSecret);
    const deps: RouteDeps = {
      state: this.state,
      config: this.config,
      webhooks: this.webhooks,
      signedInUserId: () => this.signedIn,
    };
    this.routes = [
      ...oauthRoutes(deps),
      ...mediaRoutes({
        ...deps,
        failNextProcessing: () => {
          const fail = this.failProcessing;
          this.failProcessing = false;
          return fail;
        },
      }),
      ...tweetsRoutes(deps),
      ...usersRoutes(deps),
      ...messagesRoutes(deps),
      ...webhooksRoutes(deps),
    ];
  }

  static async start(options: XFakeOptions = {}): Promise<XFake> {
    const fake = new XFake(options);
    fake.server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        writeJson(
          response,
          500,
          { title: 'Internal Error', detail: String(error), type: 'about:blank', status: 500 },
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

  createUser(username: string, name?: string): UserRecord {
    return this.state.createUser(username, name);
  }

  /** The person whose browser approves the next authorization. */
  signIn(user: UserRecord): void {
    this.signedIn = user.id;
  }

  /**
   * An access token issued straight to a user (another user of the network, as X's own apps act for them: the
   * self-serve reply restriction does not apply to it).
   */
  tokenFor(user: UserRecord, scopes: readonly string[]): string {
    const token = randomBytes(24).toString('base64url');
    this.state.accessTokens.set(token, {
      userId: user.id,
      scopes,
      family: token,
      selfServeApp: false,
      expiresAt: Date.now() + this.config.accessTokenSeconds * 1000,
    });
    return token;
  }

  /** Makes an access token expire now, as two hours passing would. */
  expire(accessToken: string): void {
    const record = this.state.accessTokens.get(accessToken);
    if (record) {
      record.expiresAt = Date.now() - 1;
    }
  }

  injectFault(fault: XFakeFault): void {
    this.faults.push({ fault, skip: fault.after ?? 0 });
  }

  /** The next video or GIF fails processing. */
  failNextProcessing(): void {
    this.failProcessing = true;
  }

  /** Every post created, duplicates included. */
  published(): readonly PostRecord[] {
    return this.state.published;
  }

  /** A signed Account Activity delivery for the subscribed users' events, oldest first. */
  nextWebhook(): { rawBody: Uint8Array; headers: Record<string, string> } | undefined {
    return this.webhooks.next();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const rawBody = await readRaw(request);
    let extraHeaders: Record<string, string> = {};
    const exchange: Exchange = {
      method,
      url,
      headers: request.headers,
      rawBody,
      body: {},
      files: {},
      send: (status, payload, headers = {}) => {
        this.log.push({ method, path: url.pathname, status });
        writeJson(response, status, payload, { ...extraHeaders, ...headers });
      },
    };
    const matched = this.route(method, url.pathname);
    if (!matched) {
      return problem(exchange, 404, 'about:blank', 'Not Found', `No route for ${method} ${url.pathname}.`);
    }
    const [route, params] = matched;
    if (route.auth === 'user') {
      const bearer = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1];
      const token = bearer ? this.state.accessTokens.get(bearer) : undefined;
      if (!token || token.expiresAt < Date.now()) {
        return problem(exchange, 401, 'about:blank', 'Unauthorized', 'Unauthorized');
      }
      const missing = (route.scopes ?? []).filter((scope) => !token.scopes.includes(scope));
      if (missing.length > 0) {
        return problem(
          exchange,
          403,
          'client-forbidden',
          'Forbidden',
          `The token is missing the scopes ${missing.join(', ')} this endpoint requires.`,
        );
      }
      exchange.user = this.state.users.get(token.userId);
      exchange.token = token;
    }
    if (route.endpoint) {
      const decision = this.rateLimits.take(route.endpoint, exchange.user?.id);
      extraHeaders = decision.headers;
      if (!decision.allowed) {
        return problem(exchange, 429, 'about:blank', 'Too Many Requests', 'Too Many Requests');
      }
    }
    const fault = this.takeFault(method, url.pathname);
    if (fault && (await this.applyFault(fault, exchange, response, route, params))) {
      return;
    }
    const parsed = await parseBody(rawBody, request.headers['content-type']);
    if ('error' in parsed) {
      return problem(exchange, 400, 'invalid-request', 'Invalid Request', parsed.error);
    }
    Object.assign(exchange, parsed);
    await route.handle(exchange, params);
  }

  /** True when the fault answered (or deliberately did not). */
  private async applyFault(
    fault: XFakeFault,
    exchange: Exchange,
    response: ServerResponse,
    route: Route,
    params: readonly string[],
  ): Promise<boolean> {
    const applyQuietly = async () => {
      const parsed = await parseBody(exchange.rawBody, exchange.headers['content-type']);
      if (!('error' in parsed)) {
        await route.handle({ ...exchange, ...parsed, send: () => undefined }, params);
      }
    };
    switch (fault.kind) {
      case 'rate-limited': {
        const reset = String(Math.ceil(Date.now() / 1000) + fault.retryAfterSeconds);
        problem(exchange, 429, 'about:blank', 'Too Many Requests', 'Too Many Requests', {
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': reset,
        });
        return true;
      }
      case 'problem':
        exchange.send(fault.status, fault.body);
        return true;
      case 'server-error':
        problem(exchange, 503, 'about:blank', 'Service Unavailable', 'Service Unavailable');
        return true;
      case 'timeout-after-send':
        await applyQuietly();
        return true;
      case 'raw':
        if (fault.applied) {
          await applyQuietly();
        }
        this.log.push({ method: exchange.method, path: exchange.url.pathname, status: fault.status });
        response.writeHead(fault.status, { 'content-type': fault.contentType });
        response.end(fault.body);
        return true;
      case 'truncated':
        if (fault.applied) {
          await applyQuietly();
        }
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': '200' });
        response.write('{"data":{"id":"19');
        setTimeout(() => response.destroy(), 20);
        return true;
    }
  }

  private takeFault(method: string, path: string): XFakeFault | undefined {
    const index = this.faults.findIndex(({ fault }) => {
      const match = fault.match ?? CREATE_POST;
      return match.method === method && match.path.test(path);
    });
    const pending = this.faults[index];
    if (!pending) {
      return undefined;
    }
    if (pending.skip > 0) {
      pending.skip -= 1;
      return undefined;
    }
    this.faults.splice(index, 1);
    return pending.fault;
  }

  private route(method: string, path: string): [Route, string[]] | undefined {
    for (const route of this.routes) {
      const match = route.method === method ? route.path.exec(path) : null;
      if (match) {
        return [route, match.slice(1)];
      }
    }
    return undefined;
  }
}
