import type { WebhookRequest } from '@chorus/connector-sdk';
import {
  GraphFakeServer,
  signedDelivery,
  type GraphFault,
  type UsageConfig,
} from '@chorus/meta-graph/testing';
import {
  InstagramState,
  type AccountRecord,
  type HostedMedia,
  type MediaRecord,
  type PageRecord,
} from './instagram-state.js';
import type { FakeInstagramConfig, Register, RouteDeps } from './route-deps.js';
import { registerContentRoutes } from './routes/content.routes.js';
import { addComment, registerEngagementRoutes } from './routes/engagement.routes.js';
import { registerInsightsRoutes } from './routes/insights.routes.js';
import { registerRuploadRoutes } from './routes/rupload.routes.js';
import { registerFacebookLoginRoutes, registerInstagramLoginRoutes } from './routes/login.routes.js';

export interface InstagramFakeOptions extends Partial<FakeInstagramConfig> {
  readonly usage?: Partial<UsageConfig>;
  readonly clock?: () => number;
}

/**
 * A faithful fake of Instagram's Graph API on its two hosts (graph.instagram.com for Instagram Login,
 * graph.facebook.com for Facebook Login), each a real HTTP server on loopback sharing one state: both logins,
 * containers with their asynchronous states, the rolling publishing limit, comments and replies, mentions,
 * insights, usage headers and signed webhooks. Other people act through `world`.
 */
export class InstagramFake {
  readonly state: InstagramState;
  private readonly pending: {
    accountId: string;
    change?: { field: string; value: unknown };
    messaging?: unknown;
  }[] = [];

  private constructor(
    readonly instagramHost: GraphFakeServer,
    readonly facebookHost: GraphFakeServer,
    /** rupload.facebook.com: video bytes of resumable containers. */
    readonly ruploadHost: GraphFakeServer,
    readonly config: FakeInstagramConfig,
    now: () => number,
  ) {
    this.state = new InstagramState(now);
  }

  static async start(options: InstagramFakeOptions = {}): Promise<InstagramFake> {
    const config: FakeInstagramConfig = {
      instagramAppId: options.instagramAppId ?? '990011',
      instagramAppSecret: options.instagramAppSecret ?? 'ig-app-secret',
      facebookAppId: options.facebookAppId ?? '1234567890',
      facebookAppSecret: options.facebookAppSecret ?? 'fb-app-secret',
      videoPolls: options.videoPolls ?? 2,
      quotaTotal: options.quotaTotal ?? 100,
    };
    const holder: { fake?: InstagramFake } = {};
    const bucketOf = (token: string) => {
      const record = holder.fake?.state.tokens.get(token);
      return record?.accountId
        ? { objectId: record.accountId, type: 'instagram', throttleCode: 80002 }
        : undefined;
    };
    const common = { version: 'v25.0', usage: options.usage, clock: options.clock, bucketOf };
    const instagramHost = await GraphFakeServer.start({ ...common, appSecret: config.instagramAppSecret });
    const facebookHost = await GraphFakeServer.start({ ...common, appSecret: config.facebookAppSecret });
    const ruploadHost = await GraphFakeServer.start({ ...common, appSecret: config.facebookAppSecret });
    const fake = new InstagramFake(instagramHost, facebookHost, ruploadHost, config, () =>
      instagramHost.now(),
    );
    registerRuploadRoutes(ruploadHost.router, fake.state);
    holder.fake = fake;
    const routes: Register[] = [registerContentRoutes, registerInsightsRoutes, registerEngagementRoutes];
    for (const [server, host, login] of [
      [instagramHost, 'instagram', registerInstagramLoginRoutes],
      [facebookHost, 'facebook', registerFacebookLoginRoutes],
    ] as const) {
      const deps: RouteDeps = {
        state: fake.state,
        config,
        host,
        baseUrl: () => server.url,
        notify: (accountId, change) => fake.pending.push({ accountId, change }),
      };
      for (const register of [login, ...routes]) {
        register(server.router, deps);
      }
    }
    return fake;
  }

  async close(): Promise<void> {
    await Promise.all([this.instagramHost.close(), this.facebookHost.close(), this.ruploadHost.close()]);
  }

  /**
   * A professional account; with `page`, linked to a Facebook Page whose admin can use Facebook Login (the admin
   * of `sameAdminAs`'s Page when given: one person managing several clients' Pages, with `tasks` on it).
   */
  createAccount(
    username: string,
    options: {
      page?: boolean;
      followers?: number;
      sameAdminAs?: AccountRecord;
      tasks?: readonly string[];
    } = {},
  ): AccountRecord {
    const account: AccountRecord = {
      id: this.state.nextId(),
      username,
      name: username,
      followers: options.followers ?? 0,
      pageId: null,
    };
    this.state.accounts.set(account.id, account);
    if (options.page) {
      const shared = options.sameAdminAs?.pageId
        ? this.state.pages.get(options.sameAdminAs.pageId)?.adminId
        : undefined;
      const admin = shared
        ? this.state.fbUsers.get(shared)!
        : { id: this.state.nextId(), name: `${username} admin` };
      this.state.fbUsers.set(admin.id, admin);
      const page: PageRecord = {
        id: this.state.nextId(),
        name: `${username} Page`,
        adminId: admin.id,
        accountId: account.id,
        tasks: [
          ...(options.tasks ?? ['ANALYZE', 'ADVERTISE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE']),
        ],
      };
      this.state.pages.set(page.id, page);
      account.pageId = page.id;
      this.state.consentFbUserId ??= admin.id;
    }
    this.state.consentAccountId ??= account.id;
    return account;
  }

  /** A token for an actor that skips the login (another user of the network). */
  tokenFor(account: AccountRecord): string {
    return this.state.token(
      'ig-long',
      { accountId: account.id },
      ['instagram_business_basic'],
      60 * 86_400_000,
    ).token;
  }

  /** A file Meta's crawler can fetch at this URL. */
  host(url: string, media: HostedMedia): void {
    this.state.hosted.set(url, media);
  }

  expire(token: string): void {
    const record = this.state.tokens.get(token);
    if (record) {
      record.expiresAt = this.state.now();
    }
  }

  injectFault(fault: GraphFault): void {
    this.instagramHost.injectFault(fault);
    this.facebookHost.injectFault(fault);
  }

  advance(ms: number): void {
    this.instagramHost.advance(ms);
    this.facebookHost.advance(ms);
    this.ruploadHost.advance(ms);
  }

  /** Every media created by media_publish, duplicates included. */
  published(): readonly MediaRecord[] {
    return [...this.state.published];
  }

  readonly world = {
    comment: (from: AccountRecord, targetId: string, text: string): string => {
      const media = this.state.media.get(targetId);
      const parent = media ? undefined : this.state.liveComment(targetId);
      if (!media && !parent) {
        throw new Error(`no media or comment ${targetId}`);
      }
      return addComment(
        this.routeDeps(),
        media?.id ?? parent!.mediaId,
        parent ? (parent.parentId ?? parent.id) : null,
        from.id,
        text,
      ).id;
    },
    like: (from: AccountRecord, id: string): void => {
      (this.state.media.get(id)?.likes ?? this.state.liveComment(id)?.likes)?.add(from.id);
    },
    share: (id: string): void => {
      const media = this.state.media.get(id);
      if (media) {
        media.shares += 1;
      }
    },
    follow: (account: AccountRecord): void => {
      account.followers += 1;
    },
    /** `from` writes to `account` in Instagram Direct. */
    message: (from: AccountRecord, account: AccountRecord, text: string): string => {
      const message = {
        id: `aWdf${this.state.nextId()}`,
        fromId: from.id,
        text,
        createdAt: this.state.now(),
      };
      this.state.conversation(account.id, from.id).messages.push(message);
      this.pending.push({
        accountId: account.id,
        messaging: {
          sender: { id: from.id },
          recipient: { id: account.id },
          timestamp: message.createdAt,
          message: { mid: message.id, text },
        },
      });
      return message.id;
    },
    /**
     * `from` posts a photo tagging `account` (listed under `/tags`); a caption that @-mentions it also fires
     * the `mentions` webhook, which names the media only.
     */
    tag: (from: AccountRecord, account: AccountRecord, caption: string): string => {
      const media: MediaRecord = {
        id: this.state.nextId(),
        ownerId: from.id,
        caption,
        mediaType: 'IMAGE',
        productType: 'FEED',
        altTexts: [null],
        timestamp: this.state.now(),
        shortcode: Math.random().toString(36).slice(2, 13),
        likes: new Set(),
        shares: 0,
        saves: 0,
        viewers: new Set(),
        tags: [account.id],
      };
      this.state.media.set(media.id, media);
      if (caption.includes(`@${account.username}`)) {
        this.pending.push({
          accountId: account.id,
          change: { field: 'mentions', value: { media_id: media.id } },
        });
      }
      return media.id;
    },
    /** `from` @-mentions `account` in a comment under a media (any owner's): `mentions` names both ids. */
    mentionInComment: (
      from: AccountRecord,
      account: AccountRecord,
      mediaId: string,
      text: string,
    ): string => {
      const comment = addComment(this.routeDeps(), mediaId, null, from.id, `@${account.username} ${text}`);
      this.pending.push({
        accountId: account.id,
        change: { field: 'mentions', value: { media_id: mediaId, comment_id: comment.id } },
      });
      return comment.id;
    },
  };

  /** What happened since the last flush, as one signed delivery (object `instagram`), signed with `secret`. */
  async flushWebhooks(login: 'instagram' | 'facebook' = 'instagram'): Promise<WebhookRequest | null> {
    if (this.pending.length === 0) {
      return null;
    }
    // Only accounts that installed the app (subscribed_apps) get deliveries, and only for their fields (1.6).
    const changes = this.pending.splice(0).filter((item) => {
      const fields = this.state.subscriptions.get(item.accountId);
      return fields?.has(item.change ? item.change.field : 'messages') ?? false;
    });
    if (changes.length === 0) {
      return null;
    }
    const accounts = [...new Set(changes.map((item) => item.accountId))];
    const payload = {
      object: 'instagram',
      entry: accounts.map((id) => ({
        id,
        time: Math.floor(this.state.now() / 1000),
        changes: changes.flatMap((item) => (item.accountId === id && item.change ? [item.change] : [])),
        messaging: changes.flatMap((item) =>
          item.accountId === id && item.messaging ? [item.messaging] : [],
        ),
      })),
    };
    const server = login === 'instagram' ? this.instagramHost : this.facebookHost;
    await server.deliver(payload);
    return signedDelivery(
      login === 'instagram' ? this.config.instagramAppSecret : this.config.facebookAppSecret,
      payload,
    );
  }

  private routeDeps(): RouteDeps {
    return {
      state: this.state,
      config: this.config,
      host: 'instagram',
      baseUrl: () => this.instagramHost.url,
      notify: (accountId, change) => this.pending.push({ accountId, change }),
    };
  }
}
