import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { YoutubeFakeFault } from './youtube-fake-faults.js';
import { formBody, googleError, readRaw, writeBody, type Exchange } from './youtube-fake-http.js';
import { YoutubeFakeQuota, type FakeQuotaConfig } from './youtube-fake-quota.js';
import type { Route, RouteDeps, YoutubeFakeConfig } from './youtube-fake-routing.js';
import { YoutubeFakeState, type ChannelRecord, type VideoRecord } from './youtube-fake-state.js';
import { YoutubeFakeWebSub } from './youtube-fake-websub.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { channelsRoutes } from './routes/channels.routes.js';
import { commentsRoutes } from './routes/comments.routes.js';
import { oauthRoutes } from './routes/oauth.routes.js';
import { uploadRoutes } from './routes/upload.routes.js';
import { videosRoutes } from './routes/videos.routes.js';

export interface YoutubeFakeOptions extends Partial<YoutubeFakeConfig> {
  readonly quota?: Partial<FakeQuotaConfig>;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentRange?: string;
}

const DEFAULTS: YoutubeFakeConfig = {
  clientId: 'chorus-test.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-test-secret',
  projectAudited: true,
  testingMode: false,
  accessTokenSeconds: 3599,
  processingPolls: 1,
  sessionLifetimeMs: 7 * 86_400_000,
  channelDailyUploads: 100,
};

/**
 * A faithful fake of YouTube on loopback (network-apis.md section 8): Google OAuth with PKCE, the resumable upload
 * protocol with 308/Range answers and expiring sessions, processing states, the private lock of unaudited
 * projects, per-project daily quota in units with its Pacific-midnight reset, comment threads with page tokens
 * and moderation, channel and video statistics, Analytics result tables, and a WebSub hub with signed deliveries.
 * One server answers for every Google host: give its URL as authUrl, tokenUrl, apiUrl, analyticsUrl and hubUrl.
 */
export class YoutubeFake {
  readonly state = new YoutubeFakeState();
  readonly config: YoutubeFakeConfig;
  readonly quota: YoutubeFakeQuota;
  readonly webSub: YoutubeFakeWebSub;
  /** Every request answered, in order. */
  readonly log: RequestLogEntry[] = [];
  private readonly faults: YoutubeFakeFault[] = [];
  private readonly chunkCounts = new Map<string, number>();
  private readonly outcomes: { status: 'failed' | 'rejected'; reason: string }[] = [];
  private readonly routes: Route[];
  private offsetMs = 0;
  private signedIn: string | undefined;
  private server!: Server;
  url = '';

  private constructor(options: YoutubeFakeOptions) {
    const { quota, ...config } = options;
    this.config = { ...DEFAULTS, ...config };
    this.quota = new YoutubeFakeQuota(
      { dailyUnits: 10_000, model: 'units', dailyUploadCalls: 100, ...quota },
      () => this.now(),
    );
    this.webSub = new YoutubeFakeWebSub(() => this.now().getTime());
    const deps: RouteDeps = {
      state: this.state,
      config: this.config,
      quota: this.quota,
      now: () => this.now(),
      baseUrl: () => this.url,
      signedInChannelId: () => this.signedIn,
      takeProcessingOutcome: () => this.outcomes.shift(),
      videoPublished: (video: VideoRecord, channel: ChannelRecord) => this.webSub.publish(video, channel),
    };
    this.routes = [
      ...oauthRoutes(deps),
      ...uploadRoutes(deps),
      ...videosRoutes(deps),
      ...channelsRoutes(deps),
      ...commentsRoutes(deps),
      ...analyticsRoutes(deps),
    ];
  }

  static async start(options: YoutubeFakeOptions = {}): Promise<YoutubeFake> {
    const fake = new YoutubeFake(options);
    fake.server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        writeBody(response, 500, JSON.stringify({ error: { code: 500, message: String(error) } }), {
          'content-type': 'application/json',
        });
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    await this.webSub.settled();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The fake's clock: real time moved by `advance`. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the fake's clock (token lifetimes, session expiry, the quota day). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  createChannel(title: string, subscribers = 0): ChannelRecord {
    return this.state.createChannel(title, subscribers);
  }

  /** The person whose browser approves the next authorization. */
  signIn(channel: ChannelRecord): void {
    this.signedIn = channel.id;
  }

  /** An access token issued straight to a channel (another viewer acting on YouTube). */
  tokenFor(channel: ChannelRecord, scopes: readonly string[]): string {
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    this.state.accessTokens.set(token, {
      channelId: channel.id,
      clientId: `peer-${this.config.clientId}`,
      scopes,
      expiresAt: this.now().getTime() + this.config.accessTokenSeconds * 1000,
    });
    return token;
  }

  /** Makes an access token expire now, as an hour passing would. */
  expire(accessToken: string): void {
    const record = this.state.accessTokens.get(accessToken);
    if (record) {
      record.expiresAt = this.now().getTime() - 1;
    }
  }

  /** Ends every upload session now, as a week passing would. */
  expireSessions(): void {
    for (const session of this.state.sessions.values()) {
      session.expired = true;
    }
  }

  injectFault(fault: YoutubeFakeFault): void {
    this.faults.push(fault);
  }

  /** The next video to finish processing fails (or is rejected) with this reason. */
  failNextProcessing(status: 'failed' | 'rejected', reason: string): void {
    this.outcomes.push({ status, reason });
  }

  /** Every video created, duplicates included. */
  published(): readonly VideoRecord[] {
    return this.state.published;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const rawBody = await readRaw(request);
    const contentRange =
      typeof request.headers['content-range'] === 'string' ? request.headers['content-range'] : undefined;
    const record = (status: number) =>
      this.log.push({ method, path: url.pathname, status, ...(contentRange ? { contentRange } : {}) });
    const exchange: Exchange = {
      method,
      url,
      headers: request.headers,
      rawBody,
      send: (status, payload, headers = {}) => {
        record(status);
        writeBody(response, status, payload === undefined ? '' : JSON.stringify(payload), {
          ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
          ...headers,
        });
      },
      sendText: (status, text, contentType, headers = {}) => {
        record(status);
        writeBody(response, status, text, { 'content-type': contentType, ...headers });
      },
    };
    if (method === 'POST' && url.pathname === '/subscribe') {
      const answer = this.webSub.request(formBody(exchange));
      return exchange.sendText(answer.status, answer.message, 'text/plain');
    }
    const matched = this.routes.find((route) => route.method === method && route.path.test(url.pathname));
    if (!matched) {
      return googleError(exchange, 404, 'notFound', `No route for ${method} ${url.pathname}.`, 'global');
    }
    if (matched.auth === 'bearer' && !this.authorize(exchange, matched)) {
      return;
    }
    if (matched.quota && !this.quota.take(exchange.token!.clientId, matched.quota)) {
      return googleError(
        exchange,
        403,
        'quotaExceeded',
        `The request cannot be completed because you have exceeded your quota.`,
        'youtube.quota',
      );
    }
    const fault = this.takeFault(method, url, contentRange);
    if (fault && (await this.applyFault(fault, exchange, request, response, matched))) {
      return;
    }
    await matched.handle(exchange, []);
  }

  /** False when the request was answered with 401 or 403. */
  private authorize(exchange: Exchange, route: Route): boolean {
    const bearer = /^Bearer (.+)$/u.exec(String(exchange.headers.authorization ?? ''))?.[1];
    const token = bearer ? this.state.accessTokens.get(bearer) : undefined;
    if (!token || token.expiresAt < this.now().getTime()) {
      googleError(
        exchange,
        401,
        'authError',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        'global',
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      );
      return false;
    }
    if (route.scopes && !route.scopes.some((scope) => token.scopes.includes(scope))) {
      googleError(
        exchange,
        403,
        'insufficientPermissions',
        'Request had insufficient authentication scopes.',
        'global',
      );
      return false;
    }
    exchange.token = token;
    exchange.channel = this.state.channels.get(token.channelId);
    if (!exchange.channel) {
      googleError(
        exchange,
        403,
        'youtubeSignupRequired',
        'The user has no YouTube channel.',
        'youtube.header',
      );
      return false;
    }
    return true;
  }

  private takeFault(
    method: string,
    url: URL,
    contentRange: string | undefined,
  ): YoutubeFakeFault | undefined {
    const uploadPath = url.pathname === '/upload/youtube/v3/videos';
    const chunk =
      uploadPath && method === 'PUT' ? /^bytes (\d+)-(\d+)\/(\d+)$/u.exec(contentRange ?? '') : null;
    let chunkIndex = -1;
    if (chunk) {
      const session = url.searchParams.get('upload_id') ?? '';
      chunkIndex = this.chunkCounts.get(session) ?? 0;
      this.chunkCounts.set(session, chunkIndex + 1);
    }
    const index = this.faults.findIndex((fault) => {
      const target = fault.target ?? 'start-upload';
      if (target === 'start-upload') {
        return uploadPath && method === 'POST';
      }
      if (target === 'chunk') {
        return chunk !== null && (fault.chunk === undefined || fault.chunk === chunkIndex);
      }
      if (target === 'final-chunk') {
        return chunk !== null && Number(chunk[2]) + 1 === Number(chunk[3]);
      }
      return target.method === method && target.path.test(url.pathname);
    });
    return index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
  }

  /** True when the fault answered (or deliberately did not). */
  private async applyFault(
    fault: YoutubeFakeFault,
    exchange: Exchange,
    request: IncomingMessage,
    response: ServerResponse,
    route: Route,
  ): Promise<boolean> {
    const applyQuietly = async () => {
      await route.handle({ ...exchange, send: () => undefined, sendText: () => undefined }, []);
    };
    switch (fault.kind) {
      case 'rate-limited':
        googleError(
          exchange,
          429,
          'rateLimitExceeded',
          'The request cannot be completed because you have exceeded your rate limit.',
          'youtube.quota',
          {
            'retry-after': String(fault.retryAfterSeconds),
          },
        );
        return true;
      case 'error':
        googleError(exchange, fault.status, fault.reason, fault.message);
        return true;
      case 'server-error':
        googleError(exchange, 503, 'backendError', 'Backend Error', 'global');
        return true;
      case 'timeout-after-send':
        await applyQuietly();
        this.log.push({ method: exchange.method, path: exchange.url.pathname, status: 0 });
        return true;
      case 'reset':
        this.log.push({ method: exchange.method, path: exchange.url.pathname, status: 0 });
        request.socket.destroy();
        return true;
      case 'raw':
        if (fault.applied) {
          await applyQuietly();
        }
        exchange.sendText(fault.status, fault.body, fault.contentType);
        return true;
      case 'truncated':
        if (fault.applied) {
          await applyQuietly();
        }
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': '200' });
        response.write('{"kind":"youtube#video","id":"');
        setTimeout(() => response.destroy(), 20);
        return true;
    }
  }
}
