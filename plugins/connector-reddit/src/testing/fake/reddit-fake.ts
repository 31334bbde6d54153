import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { USER_AGENT_PATTERN } from '../../config.js';
import { SUBMIT, type RedditFakeFault } from './fake-faults.js';
import { httpError, parseBody, readRaw, writeJson, type Exchange } from './fake-http.js';
import { RedditFakeRateLimits } from './fake-rate-limits.js';
import type { Route, RouteDeps, RedditFakeSettings } from './fake-routing.js';
import { RedditFakeState, type PostRecord, type SubredditRecord, type UserRecord } from './fake-state.js';
import { accountRoutes } from './routes/account.routes.js';
import { commentsRoutes } from './routes/comments.routes.js';
import { mediaRoutes } from './routes/media.routes.js';
import { messagesRoutes } from './routes/messages.routes.js';
import { oauthRoutes } from './routes/oauth.routes.js';
import { submitRoutes } from './routes/submit.routes.js';

export type RedditFakeOptions = Partial<RedditFakeSettings>;

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly userAgent: string | undefined;
}

const DEFAULTS: RedditFakeSettings = {
  clientId: 'reddit-client-id',
  clientSecret: 'reddit-client-secret',
  accessTokenSeconds: 3600,
  queriesPerMinute: 100,
  processingReads: 1,
};

/**
 * A faithful fake of Reddit's OAuth API on loopback (network-apis.md section 12): both hosts (www for OAuth,
 * oauth for the API) and the media storage on one port; the User-Agent rule; HTTP Basic on the token endpoint;
 * one-hour tokens and a permanent refresh token; submissions with `json.errors` inside HTTP 200 (RATELIMIT,
 * ALREADY_SUB, ...); the two-step media upload with S3 XML and media posts that appear after processing;
 * Listings with after/before; comment trees with `more` and /api/morechildren; the inbox with `mark=false`;
 * moderation; `X-Ratelimit-*` headers and 429 over the per-minute budget; one-shot faults.
 */
export class RedditFake {
  readonly state = new RedditFakeState();
  readonly settings: RedditFakeSettings;
  readonly rateLimits: RedditFakeRateLimits;
  /** Every request answered, in order. */
  readonly log: RequestLogEntry[] = [];
  private readonly faults: RedditFakeFault[] = [];
  private readonly routes: Route[];
  private signedIn: string | undefined;
  private failProcessing = false;
  private server!: Server;
  url = '';

  private constructor(options: RedditFakeOptions) {
    this.settings = { ...DEFAULTS, ...options };
    this.rateLimits = new RedditFakeRateLimits(this.settings.queriesPerMinute);
    const deps: RouteDeps = {
      state: this.state,
      settings: this.settings,
      baseUrl: () => this.url,
      signedInUserId: () => this.signedIn,
      takeProcessingFailure: () => {
        const fail = this.failProcessing;
        this.failProcessing = false;
        return fail;
      },
    };
    this.routes = [
      ...oauthRoutes(deps),
      ...accountRoutes(deps),
      ...submitRoutes(deps),
      ...mediaRoutes(deps),
      ...commentsRoutes(deps),
      ...messagesRoutes(deps),
    ];
  }

  static async start(options: RedditFakeOptions = {}): Promise<RedditFake> {
    const fake = new RedditFake(options);
    fake.server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        writeJson(response, 500, { message: `Internal Server Error: ${String(error)}`, error: 500 }, {});
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

  createUser(name: string): UserRecord {
    return this.state.createUser(name);
  }

  createSubreddit(
    name: string,
    changes: Partial<Omit<SubredditRecord, 'name' | 'subscribers'>> = {},
  ): SubredditRecord {
    return this.state.createSubreddit(name, changes);
  }

  /** The person whose browser approves the next authorization. */
  signIn(user: UserRecord): void {
    this.signedIn = user.id;
  }

  /** An access token issued straight to a user (another Reddit user acting through their own app). */
  tokenFor(user: UserRecord, scopes: readonly string[]): string {
    const token = randomBytes(24).toString('base64url');
    this.state.accessTokens.set(token, {
      userId: user.id,
      scopes,
      clientId: 'peer-app',
      expiresAt: Date.now() + this.settings.accessTokenSeconds * 1000,
    });
    return token;
  }

  /** Makes an access token expire now, as an hour passing would. */
  expire(accessToken: string): void {
    const record = this.state.accessTokens.get(accessToken);
    if (record) {
      record.expiresAt = Date.now() - 1;
    }
  }

  /** The per-action throttle of new or low-karma accounts: submits and comments answer RATELIMIT for a while. */
  throttle(user: UserRecord, seconds: number): void {
    this.state.throttledUntil.set(user.id, Date.now() + seconds * 1000);
  }

  injectFault(fault: RedditFakeFault): void {
    this.faults.push(fault);
  }

  /** The next media post fails processing and never shows up. */
  failNextProcessing(): void {
    this.failProcessing = true;
  }

  /** Every post created, duplicates included. */
  published(): readonly PostRecord[] {
    return this.state.published;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const userAgent = request.headers['user-agent'];
    const rawBody = await readRaw(request);
    let budgetHeaders: Record<string, string> = {};
    const log = (status: number) => this.log.push({ method, path: url.pathname, status, userAgent });
    const exchange: Exchange = {
      method,
      url,
      headers: request.headers,
      rawBody,
      body: {},
      files: {},
      send: (status, payload, headers = {}) => {
        log(status);
        writeJson(response, status, payload, { ...budgetHeaders, ...headers });
      },
      sendRaw: (status, contentType, body) => {
        log(status);
        response.writeHead(status, { 'content-type': contentType, ...budgetHeaders });
        response.end(body);
      },
    };
    const matched = this.route(method, url.pathname);
    if (!matched?.[0].outsideApi && !USER_AGENT_PATTERN.test(userAgent ?? '')) {
      // Generic User-Agents are throttled hard (12.1): "whoa there, pardner!".
      return exchange.sendRaw(
        429,
        'text/html; charset=UTF-8',
        '<!doctype html><html><head><title>Too Many Requests</title></head><body><h1>whoa there, pardner!</h1><p>Your User-Agent is not descriptive; use &lt;platform&gt;:&lt;app id&gt;:&lt;version&gt; (by /u/&lt;username&gt;).</p></body></html>',
      );
    }
    if (!matched) {
      return httpError(exchange, 404, 'Not Found');
    }
    const [route, params] = matched;
    if (route.auth === 'bearer') {
      const bearer = /^bearer (.+)$/iu.exec(request.headers.authorization ?? '')?.[1];
      const token = bearer ? this.state.accessTokens.get(bearer) : undefined;
      if (!token || token.expiresAt < Date.now()) {
        return httpError(exchange, 401, 'Unauthorized');
      }
      const budget = this.rateLimits.take(token.clientId);
      budgetHeaders = budget.headers;
      if (!budget.allowed) {
        return httpError(exchange, 429, 'Too Many Requests');
      }
      if (route.scope && !token.scopes.includes(route.scope)) {
        return httpError(exchange, 403, 'Forbidden');
      }
      exchange.user = this.state.users.get(token.userId);
      exchange.token = token;
    }
    const fault = this.takeFault(method, url.pathname);
    if (fault && (await this.applyFault(fault, exchange, response, route, params))) {
      return;
    }
    const parsed = await parseBody(rawBody, request.headers['content-type']);
    if ('error' in parsed) {
      return httpError(exchange, 400, parsed.error);
    }
    Object.assign(exchange, parsed);
    await route.handle(exchange, params);
  }

  /** True when the fault answered (or deliberately did not). */
  private async applyFault(
    fault: RedditFakeFault,
    exchange: Exchange,
    response: ServerResponse,
    route: Route,
    params: readonly string[],
  ): Promise<boolean> {
    const applyQuietly = async () => {
      const parsed = await parseBody(exchange.rawBody, exchange.headers['content-type']);
      if (!('error' in parsed)) {
        await route.handle(
          { ...exchange, ...parsed, send: () => undefined, sendRaw: () => undefined },
          params,
        );
      }
    };
    switch (fault.kind) {
      case 'rate-limited':
        exchange.send(
          429,
          { message: 'Too Many Requests', error: 429 },
          { 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': String(fault.retryAfterSeconds) },
        );
        return true;
      case 'form-errors':
        exchange.send(200, { json: { errors: fault.errors } });
        return true;
      case 'server-error':
        exchange.send(503, { message: 'Service Unavailable', error: 503 });
        return true;
      case 'timeout-after-send':
        await applyQuietly();
        return true;
      case 'raw':
        if (fault.applied) {
          await applyQuietly();
        }
        exchange.sendRaw(fault.status, fault.contentType, fault.body);
        return true;
      case 'truncated':
        if (fault.applied) {
          await applyQuietly();
        }
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
        response.write('{"json":{"errors":[],"data":{"na');
        setTimeout(() => response.destroy(), 20);
        return true;
    }
  }

  private takeFault(method: string, path: string): RedditFakeFault | undefined {
    const index = this.faults.findIndex(
      ({ match = SUBMIT }) => match.method === method && match.path.test(path),
    );
    return index < 0 ? undefined : this.faults.splice(index, 1)[0];
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
