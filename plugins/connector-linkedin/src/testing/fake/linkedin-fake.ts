import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  errorBody,
  readRequest,
  sender,
  type FakeRequest,
  type Route,
  type RouteContext,
} from './fake-http.js';
import { ACCESS_TOKEN_SECONDS, type FakeSettings } from './fake-settings.js';
import {
  LinkedinState,
  type MemberRecord,
  type OrganizationRecord,
  type PageRole,
  type PostRecord,
} from './fake-state.js';
import {
  buildDelivery,
  validateEndpoint,
  type WebhookDelivery,
  type WebhookSubscription,
} from './fake-webhooks.js';
import { mediaRoutes } from './routes/media.routes.js';
import { oauthRoutes } from './routes/oauth.routes.js';
import { organizationRoutes } from './routes/organizations.routes.js';
import { postsRoutes } from './routes/posts.routes.js';
import { socialRoutes } from './routes/social.routes.js';
import { subscriptionRoutes } from './routes/subscriptions.routes.js';

/** A one-shot misbehaviour of the next request matching `match`. */
export type FakeFault = { readonly match: { readonly method: string; readonly path: RegExp } } & (
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly body?: string;
      readonly headers?: Record<string, string>;
    }
  /** The request is applied, then the connection hangs. */
  | { readonly kind: 'timeout-after-send' }
  /** The request is applied, then the answer stops half-way. */
  | { readonly kind: 'truncated-after-send'; readonly status: number; readonly body: string }
);

export interface LinkedinFakeOptions {
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly activeVersions?: readonly string[];
  readonly issueRefreshTokens?: boolean;
  readonly processingPolls?: number;
  readonly duplicateWindowMs?: number;
  readonly videoPartBytes?: number;
  /** The fake's clock (ms since epoch); tests move it to expire tokens and cross midnight UTC. */
  readonly now?: () => number;
}

export const DEFAULT_ACTIVE_VERSIONS = [
  '202511',
  '202512',
  '202601',
  '202602',
  '202603',
  '202604',
  '202605',
  '202606',
  '202607',
  '202608',
  '202609',
  '202610',
  '202611',
];

/**
 * The LinkedIn REST API on loopback (network-apis.md 6): the versioned /rest resources with their headers,
 * Rest.li encoding, 201 + x-restli-id creates, image and multi-part video uploads with processing states,
 * DUPLICATE_POST, comments and reactions, organization notifications and statistics, daily quotas answered
 * with a bare 429, OAuth with 60-day tokens and non-extending refresh tokens, and signed webhook deliveries.
 */
export class LinkedinFake {
  readonly state = new LinkedinState();
  readonly settings: FakeSettings;
  readonly deliveries: WebhookDelivery[] = [];
  readonly subscriptions: WebhookSubscription[] = [];
  /** Every request, for tests that check headers and encodings. */
  readonly requests: FakeRequest[] = [];
  private readonly faults: FakeFault[] = [];
  private readonly routes: Route[];
  private offsetMs = 0;
  private readonly pending: Promise<unknown>[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: LinkedinFakeOptions,
  ) {
    this.settings = {
      clientId: options.clientId ?? '86fakeclient',
      clientSecret: options.clientSecret ?? 'fake-client-secret',
      activeVersions: new Set(options.activeVersions ?? DEFAULT_ACTIVE_VERSIONS),
      issueRefreshTokens: options.issueRefreshTokens ?? true,
      consenting: null,
      processingPolls: options.processingPolls ?? 1,
      duplicateWindowMs: options.duplicateWindowMs ?? 48 * 3_600_000,
      dailyQuotas: new Map(),
      freshTokenGlitches: 0,
      followerEdgeType: 'COMPANY_FOLLOWED_BY_MEMBER',
      videoPartBytes: options.videoPartBytes ?? 4_194_304,
    };
    this.routes = [
      ...oauthRoutes,
      ...postsRoutes,
      ...mediaRoutes(() => this.url),
      ...socialRoutes,
      ...organizationRoutes,
      ...subscriptionRoutes((subscription) => this.subscriptions.push(subscription)),
    ];
    this.state.listeners.push((notification) => {
      for (const subscription of this.subscriptions) {
        if (subscription.organization === notification.organizationalEntity) {
          const delivery = buildDelivery(this.settings.clientSecret, subscription, [notification]);
          this.deliveries.push(delivery);
          this.pending.push(this.post(delivery));
        }
      }
    });
  }

  static async start(options: LinkedinFakeOptions = {}): Promise<LinkedinFake> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new LinkedinFake(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      options,
    );
    server.on('request', (request, response) => void fake.handle(request, response));
    return fake;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.pending);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  now(): number {
    return (this.options.now?.() ?? Date.now()) + this.offsetMs;
  }

  /** Moves the fake's clock forward. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  createMember(name: string): MemberRecord {
    const id = `${name.replace(/\W/gu, '').slice(0, 6)}${this.state.members.size + 1}x`;
    const member = { id, urn: `urn:li:person:${id}`, name, email: `${id}@members.test` };
    this.state.members.set(id, member);
    return member;
  }

  createOrganization(name: string, vanityName: string): OrganizationRecord {
    const id = String(10_000 + this.state.organizations.size + 1);
    const org: OrganizationRecord = {
      id,
      urn: `urn:li:organization:${id}`,
      name,
      vanityName,
      roles: new Map(),
      followers: new Set(),
      pageViews: 0,
    };
    this.state.organizations.set(id, org);
    return org;
  }

  grantRole(member: MemberRecord, org: OrganizationRecord, role: PageRole): void {
    org.roles.set(member.id, role);
  }

  follow(org: OrganizationRecord, member: MemberRecord): void {
    org.followers.add(member.id);
  }

  /** Who approves the next authorization; null makes the member cancel. */
  consentAs(member: MemberRecord | null): void {
    this.settings.consenting = member;
  }

  /** A token issued straight to a member (another user of the network, in tests). */
  tokenFor(member: MemberRecord, scopes: readonly string[]): string {
    const token = this.state.token();
    this.state.tokens.set(token, {
      member,
      scopes,
      expiresAt: this.now() + ACCESS_TOKEN_SECONDS * 1000,
      revoked: false,
    });
    return token;
  }

  expire(token: string): void {
    const record = this.state.tokens.get(token);
    if (record) {
      record.expiresAt = this.now() - 1;
    }
  }

  revoke(token: string): void {
    const record = this.state.tokens.get(token);
    if (record) {
      record.revoked = true;
    }
  }

  /** Requests per member and endpoint per UTC day, as the app's quota in the Developer Portal. */
  setDailyQuota(endpoint: string, requests: number): void {
    this.settings.dailyQuotas.set(endpoint, requests);
  }

  injectFault(fault: FakeFault): void {
    this.faults.push(fault);
  }

  /** Every post created, deleted ones included: duplicates are counted here. */
  published(): readonly PostRecord[] {
    return this.state.posts;
  }

  subscribe(org: OrganizationRecord, subscriber: MemberRecord, url: string): void {
    this.subscriptions.push({ organization: org.urn, subscriber: subscriber.urn, url });
  }

  /** Runs LinkedIn's challenge against an endpoint (done on registration and every 2 hours). */
  validateWebhook(url: string): Promise<boolean> {
    return validateEndpoint(url, this.settings.clientSecret);
  }

  /** Deliveries are posted as they happen; this waits for those in flight. */
  async webhooksSettled(): Promise<void> {
    await Promise.allSettled(this.pending);
  }

  private async post(delivery: WebhookDelivery): Promise<void> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.rawBody,
        signal: AbortSignal.timeout(3000),
      });
      delivery.status = response.status;
    } catch {
      delivery.status = null; // retried every 5 minutes for 8 hours by LinkedIn; tests look at the record
    }
  }

  private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const request = await readRequest(incoming, this.url);
    this.requests.push(request);
    const send = sender(response);
    const fail = (status: number, code: string, message: string, serviceErrorCode?: number) =>
      send(status, errorBody(status, code, message, serviceErrorCode));
    const found = this.routes
      .filter((route) => route.method === request.method)
      .map((route) => ({ route, match: route.path.exec(request.path) }))
      .find((candidate) => candidate.match !== null);
    if (!found?.match) {
      return fail(404, 'NOT_FOUND', `No resource at ${request.method} ${request.path}`);
    }
    const { route, match } = found;
    if (route.versioned) {
      const version = request.headers['linkedin-version'];
      if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
        return fail(400, 'MISSING_HEADER', 'X-Restli-Protocol-Version: 2.0.0 is required');
      }
      if (typeof version !== 'string') {
        return fail(
          400,
          'VERSION_MISSING',
          'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
        );
      }
      if (!this.settings.activeVersions.has(version)) {
        return fail(426, 'NONEXISTENT_VERSION', `Requested version ${version} is not active`);
      }
    }
    const now = this.now();
    const bearer = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ? this.state.tokens.get(bearer) : undefined;
    if (route.bearer) {
      if (!token) {
        return fail(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
      }
      if (token.revoked || (token.glitches ?? 0) > 0) {
        token.glitches = Math.max(0, (token.glitches ?? 0) - 1);
        return fail(
          401,
          'REVOKED_ACCESS_TOKEN',
          'The token used in the request has been revoked by the user',
          65601,
        );
      }
      if (token.expiresAt <= now) {
        return fail(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request is expired', 65602);
      }
    }
    if (route.endpoint && token && this.overQuota(route.endpoint, token.member.id, now)) {
      // No rate-limit headers are documented (6.6): a bare 429.
      return send(429, {
        status: 429,
        message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      });
    }
    const faultIndex = this.faults.findIndex(
      (fault) => fault.match.method === request.method && fault.match.path.test(request.path),
    );
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
    if (fault?.kind === 'respond') {
      response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      response.end(fault.body ?? '');
      return;
    }
    const context: RouteContext = {
      request,
      state: this.state,
      settings: this.settings,
      now,
      member: token?.member as MemberRecord,
      token: token!,
      match,
      send: fault ? () => undefined : send,
      fail: fault ? () => undefined : fail,
      json() {
        try {
          const parsed: unknown = JSON.parse(request.body.toString('utf8'));
          return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
        } catch {
          return null;
        }
      },
    };
    await route.handle(context);
    if (fault?.kind === 'truncated-after-send') {
      response.writeHead(fault.status, {
        'content-type': 'application/json',
        'content-length': String(fault.body.length * 2),
      });
      response.write(fault.body);
      response.destroy();
    }
    // timeout-after-send: applied, never answered.
  }

  private overQuota(endpoint: string, memberId: string, now: number): boolean {
    const limit = this.settings.dailyQuotas.get(endpoint);
    // Quotas reset at 00:00 UTC: the day is part of the key.
    const key = `${new Date(now).toISOString().slice(0, 10)}|${memberId}|${endpoint}`;
    const used = (this.state.usage.get(key) ?? 0) + 1;
    this.state.usage.set(key, used);
    return limit !== undefined && used > limit;
  }
}
