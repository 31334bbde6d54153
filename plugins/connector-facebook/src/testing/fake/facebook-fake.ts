import type { WebhookRequest } from '@chorus/connector-sdk';
import {
  GraphFakeServer,
  signedDelivery,
  type GraphFault,
  type RequestLogEntry,
  type UsageConfig,
} from '@chorus/meta-graph/testing';
import {
  FacebookState,
  type CommentRecord,
  type PageRecord,
  type PostRecord,
  type UserRecord,
} from './facebook-state.js';
import type { FakeFacebookConfig, RouteDeps, WebhookChange } from './route-deps.js';
import { registerEngagementRoutes } from './routes/engagement.routes.js';
import { registerInsightsRoutes } from './routes/insights.routes.js';
import { registerOAuthRoutes } from './routes/oauth.routes.js';
import { registerObjectRoutes } from './routes/objects.routes.js';
import { registerPublishRoutes } from './routes/publish.routes.js';
import { registerRuploadRoutes } from './routes/rupload.routes.js';

export const FAKE_GRAPH_VERSION = 'v25.0';
/** What Meta's `upload_url` names; the fake's `ruploadServer` serves the same paths on loopback. */
const REAL_UPLOAD_HOST = 'https://rupload.facebook.com';

export interface FacebookFakeOptions extends Partial<FakeFacebookConfig> {
  readonly usage?: Partial<UsageConfig>;
  readonly clock?: () => number;
}

/**
 * A faithful fake of the Graph API for Facebook Pages: Facebook Login, Page tokens, publishing, comments,
 * mentions, Messenger, insights, usage headers and throttling, signed webhooks; real HTTP on loopback.
 * Other people's actions (commenting, reacting, following, messaging) happen through `world`, as they happen
 * on facebook.com rather than through the API.
 */
export class FacebookFake {
  readonly state: FacebookState;
  readonly config: FakeFacebookConfig;
  private readonly pending: WebhookChange[] = [];

  private constructor(
    readonly server: GraphFakeServer,
    /** rupload.facebook.com: Reel bytes, on its own origin. */
    readonly ruploadServer: GraphFakeServer,
    config: FakeFacebookConfig,
  ) {
    this.config = config;
    this.state = new FacebookState(() => server.now());
  }

  static async start(options: FacebookFakeOptions = {}): Promise<FacebookFake> {
    const config: FakeFacebookConfig = {
      appId: options.appId ?? '1234567890',
      appSecret: options.appSecret ?? 'fake-app-secret',
      videoPolls: options.videoPolls ?? 2,
      maxVideoRequestBytes: options.maxVideoRequestBytes ?? 100 * 1_048_576,
      videoChunkBytes: options.videoChunkBytes ?? 4 * 1_048_576,
      declined: options.declined ?? [],
    };
    // The server needs the fake's state to key usage; the fake needs the server: a holder breaks the cycle.
    const holder: { fake?: FacebookFake } = {};
    const server = await GraphFakeServer.start({
      version: FAKE_GRAPH_VERSION,
      appSecret: config.appSecret,
      usage: options.usage,
      clock: options.clock,
      bucketOf: (token) => {
        const record = holder.fake?.state.tokens.get(token);
        if (!record) {
          return undefined;
        }
        return record.kind === 'page'
          ? { objectId: record.pageId!, type: 'pages', throttleCode: 80001 }
          : { objectId: record.userId, type: 'pages', throttleCode: 17 };
      },
    });
    const ruploadServer = await GraphFakeServer.start({
      version: FAKE_GRAPH_VERSION,
      appSecret: config.appSecret,
      clock: options.clock,
    });
    const fake = new FacebookFake(server, ruploadServer, config);
    holder.fake = fake;
    registerRuploadRoutes(ruploadServer.router, fake.state);
    const deps: RouteDeps = {
      state: fake.state,
      config,
      baseUrl: () => server.url,
      ruploadUrl: () => REAL_UPLOAD_HOST,
      version: () => FAKE_GRAPH_VERSION,
      notify: (change) => fake.pending.push(change),
    };
    for (const register of [
      registerOAuthRoutes,
      registerPublishRoutes,
      registerEngagementRoutes,
      registerInsightsRoutes,
      registerObjectRoutes,
    ]) {
      register(server.router, deps);
    }
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  async close(): Promise<void> {
    await Promise.all([this.server.close(), this.ruploadServer.close()]);
  }

  createUser(name: string): UserRecord {
    const user = { id: this.state.nextId(), name };
    this.state.users.set(user.id, user);
    return user;
  }

  /** A Page on which `admin` has the given tasks (CREATE_CONTENT, MODERATE, MESSAGING, ANALYZE, MANAGE). */
  createPage(
    name: string,
    admin: UserRecord,
    tasks = ['CREATE_CONTENT', 'MODERATE', 'MESSAGING', 'ANALYZE', 'MANAGE'],
  ): PageRecord {
    const page: PageRecord = {
      id: this.state.nextId(),
      name,
      username: name.toLowerCase().replace(/[^a-z0-9]+/gu, ''),
      followers: 0,
      roles: new Map([[admin.id, tasks]]),
    };
    this.state.pages.set(page.id, page);
    return page;
  }

  /** A user token as if the person had logged in, for actors that skip the dialog. */
  userToken(user: UserRecord, scopes: readonly string[]): string {
    return this.state.token('user', user.id, scopes, 3_600_000).token;
  }

  /** Makes a token expire now (code 190, subcode 463 from then on). */
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
    this.ruploadServer.advance(ms);
  }

  requests(): readonly RequestLogEntry[] {
    return this.server.requests();
  }

  /** Every post created through a publishing endpoint, duplicates included. */
  published(): readonly PostRecord[] {
    return [...this.state.published];
  }

  /** What other people do on facebook.com. */
  readonly world = {
    comment: (user: UserRecord, objectId: string, message: string): CommentRecord => {
      const post = this.state.livePost(objectId);
      const parent = post ? undefined : this.state.liveComment(objectId);
      if (!post && !parent) {
        throw new Error(`no post or comment ${objectId}`);
      }
      const comment = this.state.addComment(post?.id ?? parent!.postId, parent?.id ?? null, user.id, message);
      this.pending.push({
        pageId: this.state.posts.get(comment.postId)!.pageId,
        change: {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            post_id: comment.postId,
            comment_id: comment.id,
            parent_id: comment.parentId ?? comment.postId,
            from: { id: user.id, name: user.name },
            message,
            created_time: Math.floor(comment.createdAt / 1000),
          },
        },
      });
      return comment;
    },
    react: (user: UserRecord, objectId: string): void => {
      const target = this.state.liveComment(objectId)?.likes ?? this.state.livePost(objectId)?.reactions;
      if (!target) {
        throw new Error(`no post or comment ${objectId}`);
      }
      target.add(user.id);
    },
    share: (objectId: string): void => {
      const post = this.state.livePost(objectId);
      if (!post) {
        throw new Error(`no post ${objectId}`);
      }
      post.shares += 1;
    },
    follow: (page: PageRecord): void => {
      page.followers += 1;
    },
    mention: (user: UserRecord, page: PageRecord, message: string): PostRecord => {
      const post = this.state.createPost({
        pageId: user.id,
        authorId: user.id,
        kind: 'visitor',
        message,
        link: null,
        photoIds: [],
        videoId: null,
        scheduledFor: null,
        tags: [page.id],
      });
      this.pending.push({
        pageId: page.id,
        change: {
          field: 'mention',
          value: {
            item: 'post',
            verb: 'add',
            post_id: post.id,
            from: { id: user.id, name: user.name },
            message,
            created_time: Math.floor(post.createdAt / 1000),
          },
        },
      });
      return post;
    },
    message: (user: UserRecord, page: PageRecord, text: string): string => {
      const message = {
        id: `m_${this.state.nextId()}`,
        fromId: user.id,
        toId: page.id,
        text,
        createdAt: this.state.now(),
      };
      this.state.conversation(page.id, user.id).messages.push(message);
      this.pending.push({
        pageId: page.id,
        messaging: {
          sender: { id: user.id },
          recipient: { id: page.id },
          timestamp: message.createdAt,
          message: { mid: message.id, text },
        },
      });
      return message.id;
    },
  };

  /**
   * Sends what happened since the last flush as one signed delivery, batched like Meta's: one entry per Page,
   * several changes and messaging events in each. Null when nothing happened.
   */
  async flushWebhooks(): Promise<WebhookRequest | null> {
    if (this.pending.length === 0) {
      return null;
    }
    // Only Pages that installed the app (subscribed_apps) get deliveries, for their fields (1.6).
    const changes = this.pending.splice(0).filter((item) => {
      const fields = this.state.subscriptions.get(item.pageId);
      return fields?.has(item.change ? item.change.field : 'messages') ?? false;
    });
    if (changes.length === 0) {
      return null;
    }
    const pages = [...new Set(changes.map((change) => change.pageId))];
    const payload = {
      object: 'page',
      entry: pages.map((pageId) => {
        const mine = changes.filter((change) => change.pageId === pageId);
        const messaging = mine.flatMap((change) => (change.messaging ? [change.messaging] : []));
        return {
          id: pageId,
          time: Math.floor(this.state.now() / 1000),
          changes: mine.flatMap((change) => (change.change ? [change.change] : [])),
          ...(messaging.length > 0 ? { messaging } : {}),
        };
      }),
    };
    await this.server.deliver(payload);
    return signedDelivery(this.config.appSecret, payload);
  }
}
