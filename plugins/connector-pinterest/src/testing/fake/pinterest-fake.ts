import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CREATE_PIN, type PinterestFakeFault } from './pinterest-fake-faults.js';
import { fail, parseBody, readRaw, writeBody, type Exchange } from './pinterest-fake-http.js';
import {
  PINTEREST_RATE_LIMITS,
  PinterestFakeRateLimits,
  type PinterestRateLimits,
} from './pinterest-fake-rate-limits.js';
import type { PinterestFakeConfig, Route, RouteDeps } from './pinterest-fake-routing.js';
import { PinterestFakeState, type PinRecord, type UserRecord } from './pinterest-fake-state.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { boardsRoutes } from './routes/boards.routes.js';
import { mediaRoutes } from './routes/media.routes.js';
import { oauthRoutes } from './routes/oauth.routes.js';
import { pinsRoutes } from './routes/pins.routes.js';

export interface PinterestFakeOptions extends Partial<PinterestFakeConfig> {
  readonly rateLimits?: Partial<PinterestRateLimits>;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

const DEFAULTS: PinterestFakeConfig = {
  clientId: 'pinterest-app-id',
  clientSecret: 'pinterest-app-secret',
  continuousByDefault: true,
  accessTokenSeconds: 30 * 86_400,
  refreshTokenSeconds: 60 * 86_400,
  processingPolls: 1,
  maxUploadBytes: 2 * 1024 * 1024 * 1024,
  legacyMetricNames: false,
};

/**
 * A faithful fake of Pinterest API v5 on loopback (network-apis.md section 9): OAuth with continuous refresh
 * tokens, boards and sections, pins of every media source with the documented limits, the video media flow
 * with a presigned multipart upload and processing states, bookmark pagination, analytics with their date
 * rules, per-category rate limits answering 429, and `{code, message}` errors.
 */
export class PinterestFake {
  readonly state = new PinterestFakeState();
  readonly config: PinterestFakeConfig;
  readonly rateLimits: PinterestFakeRateLimits;
  /** Every request answered, in order. */
  readonly log: RequestLogEntry[] = [];
  private readonly faults: PinterestFakeFault[] = [];
  private readonly routes: Route[];
  private signedIn: string | undefined;
  private failProcessing = false;
  private server!: Server;
  url = '';

  private constructor(options: PinterestFakeOptions) {
    this.config = { ...DEFAULTS, ...options };
    this.rateLimits = new PinterestFakeRateLimits({ ...PINTEREST_RATE_LIMITS, ...options.rateLimits });
    const deps: RouteDeps = {
      state: this.state,
      config: this.config,
      url: () => this.url,
      signedInUserId: () => this.signedIn,
    };
    const failNextProcessing = () => {
      const fail = this.failProcessing;
      this.failProcessing = false;
      return fail;
    };
    this.routes = [
      ...oauthRoutes(deps),
      ...mediaRoutes({ ...deps, failNextProcessing }),
      ...analyticsRoutes(deps),
      ...pinsRoutes(deps),
      ...boardsRoutes(deps),
    ];
  }

  static async start(options: PinterestFakeOptions = {}): Promise<PinterestFake> {
    const fake = new PinterestFake(options);
    fake.server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        writeBody(
          response,
          500,
          'application/json',
          JSON.stringify({ code: 500, message: String(error) }),
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

  createUser(username: string, accountType: UserRecord['accountType'] = 'BUSINESS'): UserRecord {
    return this.state.createUser(username, accountType);
  }

  /** The person whose browser approves the next authorization. */
  signIn(user: UserRecord): void {
    this.signedIn = user.id;
  }

  /** An access token issued straight to a user (another person using Pinterest's own apps). */
  tokenFor(user: UserRecord, scopes: readonly string[]): string {
    const token = `pina_${this.state.secret()}`;
    this.state.accessTokens.set(token, {
      userId: user.id,
      scopes,
      expiresAt: Date.now() + this.config.accessTokenSeconds * 1000,
    });
    return token;
  }

  /** Makes an access token expire now, as 30 days passing would. */
  expire(accessToken: string): void {
    const record = this.state.accessTokens.get(accessToken);
    if (record) {
      record.expiresAt = Date.now() - 1;
    }
  }

  /** Revokes every token of a user, as removing the app from the account's settings does. */
  revokeAll(user: UserRecord): void {
    for (const [token, record] of this.state.accessTokens) {
      if (record.userId === user.id) {
        this.state.accessTokens.delete(token);
      }
    }
    for (const [token, record] of this.state.refreshTokens) {
      if (record.userId === user.id) {
        this.state.refreshTokens.delete(token);
      }
    }
  }

  injectFault(fault: PinterestFakeFault): void {
    this.faults.push(fault);
  }

  /** The next uploaded video fails processing. */
  failNextProcessing(): void {
    this.failProcessing = true;
  }

  /** Every pin created, deleted ones and duplicates included. */
  published(): readonly PinRecord[] {
    return this.state.published;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const rawBody = await readRaw(request);
    const record = (status: number) => this.log.push({ method, path: url.pathname, status });
    const exchange: Exchange = {
      method,
      url,
      headers: request.headers,
      rawBody,
      body: {},
      entries: [],
      send: (status, payload, headers = {}) => {
        record(status);
        const text = payload === undefined ? '' : JSON.stringify(payload);
        writeBody(response, status, payload === undefined ? undefined : 'application/json', text, headers);
      },
      sendText: (status, contentType, text) => {
        record(status);
        writeBody(response, status, contentType, text, {});
      },
    };
    const matched = this.route(method, url.pathname);
    if (!matched) {
      return fail(exchange, 404, `No route for ${method} ${url.pathname}.`);
    }
    const [route, params] = matched;
    if (route.auth === 'user' && !this.authenticate(exchange, route)) {
      return;
    }
    if (route.category && exchange.user) {
      const decision = this.rateLimits.take(route.category, exchange.user.id);
      if (!decision.allowed) {
        return fail(exchange, 429, decision.message, { 'retry-after': String(decision.retryAfterSeconds) });
      }
    }
    const fault = this.takeFault(method, url.pathname);
    if (fault && (await this.applyFault(fault, exchange, response, route, params))) {
      return;
    }
    const parsed = await parseBody(rawBody, request.headers['content-type']);
    if ('error' in parsed) {
      return fail(exchange, 400, parsed.error);
    }
    Object.assign(exchange, parsed);
    await route.handle(exchange, params);
  }

  private authenticate(exchange: Exchange, route: Route): boolean {
    const bearer = /^Bearer (.+)$/u.exec(exchange.headers.authorization ?? '')?.[1];
    const token = bearer ? this.state.accessTokens.get(bearer) : undefined;
    if (!token || token.expiresAt < Date.now()) {
      fail(exchange, 401, 'Authentication failed.');
      return false;
    }
    const missing = (route.scopes ?? []).filter((scope) => !token.scopes.includes(scope));
    if (missing.length > 0) {
      fail(exchange, 403, `Not authorized: the token lacks the scope ${missing.join(', ')}.`);
      return false;
    }
    exchange.user = this.state.users.get(token.userId);
    exchange.token = token;
    return true;
  }

  /** True when the fault answered (or deliberately did not). */
  private async applyFault(
    fault: PinterestFakeFault,
    exchange: Exchange,
    response: ServerResponse,
    route: Route,
    params: readonly string[],
  ): Promise<boolean> {
    const applyQuietly = async () => {
      const parsed = await parseBody(exchange.rawBody, exchange.headers['content-type']);
      if (!('error' in parsed)) {
        await route.handle(
          { ...exchange, ...parsed, send: () => undefined, sendText: () => undefined },
          params,
        );
      }
    };
    switch (fault.kind) {
      case 'rate-limited':
        fail(exchange, 429, 'You have exceeded your rate limit. Try again later.', {
          'retry-after': String(fault.retryAfterSeconds),
        });
        return true;
      case 'error':
        fail(exchange, fault.status, fault.message);
        return true;
      case 'server-error':
        fail(exchange, 503, 'Service Unavailable');
        return true;
      case 'timeout-after-send':
        await applyQuietly();
        return true;
      case 'raw':
        if (fault.applied) {
          await applyQuietly();
        }
        exchange.sendText(fault.status, fault.contentType, fault.body);
        return true;
      case 'truncated':
        if (fault.applied) {
          await applyQuietly();
        }
        response.writeHead(fault.status ?? 201, {
          'content-type': 'application/json',
          'content-length': '200',
        });
        response.write('{"id":"54');
        setTimeout(() => response.destroy(), 20);
        return true;
    }
  }

  private takeFault(method: string, path: string): PinterestFakeFault | undefined {
    const index = this.faults.findIndex((fault) => {
      const match = fault.match ?? CREATE_PIN;
      return match.method === method && match.path.test(path);
    });
    return index === -1 ? undefined : this.faults.splice(index, 1)[0];
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
