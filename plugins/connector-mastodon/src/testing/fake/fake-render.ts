import type { FakeInstanceConfig } from './fake-config.js';
import type {
  AccountRecord,
  AppRecord,
  ConversationRecord,
  FakeState,
  MediaRecord,
  NotificationRecord,
  StatusRecord,
} from './fake-state.js';
import { renderStatusHtml } from './fake-text.js';

const iso = (millis: number) => new Date(millis).toISOString();

/** Entities as the Mastodon API serialises them (the fields a client reads). */
export class FakeRender {
  constructor(
    private readonly state: FakeState,
    private readonly baseUrl: () => string,
  ) {}

  account(account: AccountRecord): Record<string, unknown> {
    const statuses = this.state.statusesOf(account.id).filter((status) => status.deletedAt === null);
    return {
      id: account.id,
      username: account.username,
      acct: account.username,
      display_name: account.displayName,
      locked: false,
      bot: false,
      created_at: iso(account.createdAt),
      note: '',
      url: `${this.baseUrl()}/@${account.username}`,
      avatar: `${this.baseUrl()}/avatars/original/missing.png`,
      followers_count: account.followers.size,
      following_count: account.following.size,
      statuses_count: statuses.length,
      emojis: [],
      fields: [],
    };
  }

  credentialAccount(account: AccountRecord): Record<string, unknown> {
    return {
      ...this.account(account),
      source: { privacy: 'public', sensitive: false, language: null, note: '', fields: [] },
    };
  }

  application(app: AppRecord): Record<string, unknown> {
    return {
      id: app.id,
      name: app.name,
      website: app.website,
      scopes: app.scopes,
      redirect_uri: app.redirectUris.join('\n'),
      redirect_uris: app.redirectUris,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      client_secret_expires_at: 0,
      vapid_key: 'BFake',
    };
  }

  media(media: MediaRecord): Record<string, unknown> {
    const ready = media.pendingPolls <= 0;
    const url = `${this.baseUrl()}/system/media_attachments/${media.id}/original`;
    return {
      id: media.id,
      type: media.type,
      url: ready ? url : null,
      preview_url: `${this.baseUrl()}/system/media_attachments/${media.id}/small`,
      remote_url: null,
      description: media.description,
      blurhash: 'UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$',
      meta: media.focus ? { focus: parseFocus(media.focus) } : {},
    };
  }

  status(status: StatusRecord, viewerId: string | null): Record<string, unknown> {
    const account = this.state.accounts.get(status.accountId)!;
    const statusUrl = `${this.baseUrl()}/@${account.username}/${status.id}`;
    const replies = this.state.repliesTo(status.id).filter((reply) => reply.deletedAt === null);
    const isLocal = (username: string) => this.state.accountByUsername(username) !== undefined;
    return {
      id: status.id,
      created_at: iso(status.createdAt),
      in_reply_to_id: status.inReplyToId,
      in_reply_to_account_id: status.inReplyToAccountId,
      sensitive: status.sensitive,
      spoiler_text: status.spoilerText,
      visibility: status.visibility,
      language: status.language,
      uri: `${this.baseUrl()}/users/${account.username}/statuses/${status.id}`,
      url: statusUrl,
      replies_count: replies.length,
      reblogs_count: status.rebloggedBy.size,
      favourites_count: status.favouritedBy.size,
      edited_at: null,
      favourited: viewerId !== null && status.favouritedBy.has(viewerId),
      reblogged: viewerId !== null && status.rebloggedBy.has(viewerId),
      content: renderStatusHtml(status.text, this.baseUrl(), isLocal),
      reblog: null,
      application: status.applicationName ? { name: status.applicationName, website: null } : null,
      account: this.account(account),
      media_attachments: status.mediaIds.map((id) => this.media(this.state.media.get(id)!)),
      mentions: status.mentions.map((id) => {
        const mentioned = this.state.accounts.get(id)!;
        return {
          id,
          username: mentioned.username,
          acct: mentioned.username,
          url: `${this.baseUrl()}/@${mentioned.username}`,
        };
      }),
      tags: [],
      emojis: [],
      card: null,
      poll: status.poll
        ? {
            id: status.poll.id,
            expires_at: iso(status.poll.expiresAt),
            expired: status.poll.expiresAt <= this.state.now(),
            multiple: status.poll.multiple,
            votes_count: 0,
            voters_count: 0,
            options: status.poll.options.map((title) => ({
              title,
              votes_count: status.poll!.hideTotals ? null : 0,
            })),
            emojis: [],
          }
        : null,
    };
  }

  notification(notification: NotificationRecord, viewerId: string): Record<string, unknown> {
    const status = notification.statusId ? this.state.statuses.get(notification.statusId) : undefined;
    return {
      id: notification.id,
      type: notification.type,
      created_at: iso(notification.createdAt),
      group_key: `ungrouped-${notification.id}`,
      account: this.account(this.state.accounts.get(notification.fromAccountId)!),
      ...(status ? { status: this.status(status, viewerId) } : {}),
    };
  }

  conversation(conversation: ConversationRecord): Record<string, unknown> {
    const last = this.state.statuses.get(conversation.lastStatusId);
    return {
      id: conversation.id,
      unread: conversation.unread,
      accounts: conversation.participantIds.map((id) => this.account(this.state.accounts.get(id)!)),
      last_status: last ? this.status(last, conversation.ownerId) : null,
    };
  }

  instance(config: FakeInstanceConfig): Record<string, unknown> {
    return {
      domain: config.domain,
      title: config.title,
      version: config.version,
      source_url: 'https://github.com/mastodon/mastodon',
      description: 'A faithful fake of a Mastodon server, for tests.',
      usage: { users: { active_month: this.state.accounts.size } },
      languages: ['en'],
      registrations: { enabled: false, approval_required: false, message: null },
      configuration: {
        urls: { streaming: this.baseUrl().replace(/^http/u, 'ws') },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: {
          max_characters: config.maxCharacters,
          max_media_attachments: config.maxMediaAttachments,
          characters_reserved_per_url: config.charactersReservedPerUrl,
        },
        media_attachments: {
          supported_mime_types: config.supportedMimeTypes,
          description_limit: config.descriptionLimit,
          image_size_limit: config.imageSizeLimit,
          image_matrix_limit: config.imageMatrixLimit,
          video_size_limit: config.videoSizeLimit,
          video_frame_rate_limit: config.videoFrameRateLimit,
          video_matrix_limit: config.videoMatrixLimit,
        },
        polls: {
          max_options: config.pollMaxOptions,
          max_characters_per_option: config.pollMaxCharactersPerOption,
          min_expiration: config.pollMinExpiration,
          max_expiration: config.pollMaxExpiration,
        },
        translation: { enabled: false },
      },
      rules: [],
    };
  }
}

function parseFocus(focus: string): { x: number; y: number } {
  const [x = 0, y = 0] = focus.split(',').map(Number);
  return { x, y };
}
