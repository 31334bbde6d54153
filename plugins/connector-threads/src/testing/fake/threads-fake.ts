import type { WebhookRequest } from '@chorus/connector-sdk';
import {
  GraphFakeServer,
  registerCodeLoginRoutes,
  signedDelivery,
  type GraphFault,
  type UsageConfig,
} from '@chorus/meta-graph/testing';
import type { FakeThreadsConfig, RouteDeps } from './route-deps.js';
import { registerEngagementRoutes } from './routes/engagement.routes.js';
import { notifyAbout, registerPublishRoutes } from './routes/publish.routes.js';
import { ThreadsState, type PostRecord, type UserRecord } from './threads-state.js';

export interface ThreadsFakeOptions extends Partial<FakeThreadsConfig> {
  readonly usage?: Partial<UsageConfig>;
  readonly clock?: () => number;
}

/**
 * A faithful fake of the Threads API (graph.threads.net, v1.0): login and refresh, containers and their states,
 * publishing with the post and reply quotas, replies and conversations, manage_reply, mentions, deletion,
 * insights, usage headers, and webhooks in Threads' own payload shape, signed as every Meta webhook.
 */
export class ThreadsFake {
  readonly state: ThreadsState;
  private readonly pending: { userId: string; field: string; value: unknown }[] = [];

  private constructor(
    readonly server: GraphFakeServer,
    readonly config: FakeThreadsConfig,
  ) {
    this.state = new ThreadsState(() => server.now());
  }

  static async start(options: ThreadsFakeOptions = {}): Promise<ThreadsFake> {
    const config: FakeThreadsConfig = {
      appId: options.appId ?? '556677',
      appSecret: options.appSecret ?? 'threads-app-secret',
      videoPolls: options.videoPolls ?? 2,
      postQuota: options.postQuota ?? 250,
      replyQuota: options.replyQuota ?? 1000,
    };
    const holder: { fake?: ThreadsFake } = {};
    const server = await GraphFakeServer.start({
      version: 'v1.0',
      appSecret: config.appSecret,
      usage: options.usage,
      clock: options.clock,
      bucketOf: (token) => {
        const record = holder.fake?.state.tokens.get(token);
        return record ? { objectId: record.subject, type: 'threads', throttleCode: 4 } : undefined;
      },
    });
    const fake = new ThreadsFake(server, config);
    holder.fake = fake;
    const { state } = fake;
    registerCodeLoginRoutes(server.router, {
      appId: config.appId,
      appSecret: config.appSecret,
      grantPrefix: 'th',
      now: () => state.now(),
      consentSubject: () => state.consentUserId ?? undefined,
      issue: (lived, subject, scopes, lifetimeMs) => state.issue(lived, subject, scopes, lifetimeMs),
      find: (token) => state.tokens.get(token),
    });
    const deps = fake.deps();
    registerPublishRoutes(server.router, deps);
    registerEngagementRoutes(server.router, deps);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  createUser(username: string): UserRecord {
    const user = { id: this.state.nextId(), username, followers: 0 };
    this.state.users.set(user.id, user);
    this.state.consentUserId ??= user.id;
    return user;
  }

  tokenFor(user: UserRecord, scopes: readonly string[]): string {
    return this.state.issue('long', user.id, scopes, 60 * 86_400_000).token;
  }

  expire(token: string): void {
    const record = this.state.tokens.get(token);
    if (record) {
      record.expiresAt = this.state.now();
    }
  }

  injectFault(fault: GraphFault): void {
    this.server.injectFault(fault);
  }

  advance(ms: number): void {
    this.server.advance(ms);
  }

  published(): readonly PostRecord[] {
    return [...this.state.published];
  }

  /** Other people's actions in the app. */
  readonly world = {
    post: (user: UserRecord, text: string, replyToId: string | null = null): string => {
      const parent = replyToId ? this.state.livePost(replyToId) : undefined;
      const id = this.state.nextId();
      const post: PostRecord = {
        id,
        ownerId: user.id,
        mediaType: 'TEXT_POST',
        text,
        altTexts: [],
        link: null,
        replyToId,
        rootId: parent?.rootId ?? id,
        timestamp: this.state.now(),
        shortcode: Math.random().toString(36).slice(2, 13),
        likes: new Set(),
        reposts: 0,
        viewers: new Set(),
        mentions: [...text.matchAll(/@([\w.]+)/gu)].map((match) => match[1]!),
        hidden: false,
        deleted: false,
      };
      this.state.posts.set(id, post);
      notifyAbout(this.deps(), post);
      return id;
    },
    like: (user: UserRecord, id: string) => this.state.livePost(id)?.likes.add(user.id),
    repost: (id: string) => {
      const post = this.state.livePost(id);
      if (post) {
        post.reposts += 1;
      }
    },
    /** Someone else opens `user`'s profile (a profile view, 4.4). */
    viewProfile: (user: UserRecord) => {
      this.state.profileViews.push({ userId: user.id, at: this.state.now() });
    },
    follow: (user: UserRecord) => {
      user.followers += 1;
    },
  };

  /** The next pending event as Threads delivers it: one value per POST, signed with the app secret. */
  async nextWebhook(): Promise<WebhookRequest | null> {
    const event = this.pending.shift();
    if (!event) {
      return null;
    }
    const payload = {
      app_id: this.config.appId,
      topic: 'moderate',
      target_id: event.userId,
      time: Math.floor(this.state.now() / 1000),
      subscription_id: '1',
      has_uid_field: false,
      values: { value: event.value, field: event.field },
    };
    await this.server.deliver(payload);
    return signedDelivery(this.config.appSecret, payload);
  }

  private deps(): RouteDeps {
    return {
      state: this.state,
      config: this.config,
      baseUrl: () => this.server.url,
      notify: (userId, field, value) => this.pending.push({ userId, field, value }),
    };
  }
}
