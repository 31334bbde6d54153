// The fields of Mastodon's entities this connector reads (https://docs.joinmastodon.org/entities/).

export interface MastodonAccount {
  readonly id: string;
  readonly username: string;
  readonly acct: string;
  readonly display_name: string;
  readonly url: string;
  readonly avatar?: string;
  readonly followers_count: number;
  readonly following_count: number;
  readonly statuses_count: number;
}

export interface MastodonMediaAttachment {
  readonly id: string;
  readonly type: 'image' | 'gifv' | 'video' | 'audio' | 'unknown';
  readonly url: string | null;
  readonly description: string | null;
}

export interface MastodonStatus {
  readonly id: string;
  readonly created_at: string;
  readonly in_reply_to_id: string | null;
  readonly in_reply_to_account_id: string | null;
  readonly spoiler_text: string;
  readonly visibility: 'public' | 'unlisted' | 'private' | 'direct';
  readonly url: string | null;
  readonly uri: string;
  readonly content: string;
  readonly replies_count: number;
  readonly reblogs_count: number;
  readonly favourites_count: number;
  readonly account: MastodonAccount;
  readonly media_attachments: readonly MastodonMediaAttachment[];
  readonly reblog: MastodonStatus | null;
  readonly poll: { readonly options: readonly { readonly title: string }[] } | null;
}

export interface MastodonNotification {
  readonly id: string;
  readonly type: string;
  readonly created_at: string;
  readonly account: MastodonAccount;
  readonly status?: MastodonStatus;
}

export interface MastodonConversation {
  readonly id: string;
  readonly unread: boolean;
  readonly accounts: readonly MastodonAccount[];
  readonly last_status: MastodonStatus | null;
}

export interface MastodonContext {
  readonly ancestors: readonly MastodonStatus[];
  readonly descendants: readonly MastodonStatus[];
}

export interface MastodonApplication {
  readonly client_id: string;
  readonly client_secret: string;
}

export interface MastodonToken {
  readonly access_token: string;
  readonly scope: string;
}

export interface MastodonInstance {
  readonly domain?: string;
  readonly configuration?: {
    readonly statuses?: {
      readonly max_characters?: number;
      readonly max_media_attachments?: number;
      readonly characters_reserved_per_url?: number;
    };
    readonly media_attachments?: {
      readonly supported_mime_types?: readonly string[];
      readonly description_limit?: number;
      readonly image_size_limit?: number;
      readonly image_matrix_limit?: number;
      readonly video_size_limit?: number;
      readonly video_matrix_limit?: number;
    };
    readonly polls?: {
      readonly max_options?: number;
      readonly max_characters_per_option?: number;
      readonly min_expiration?: number;
      readonly max_expiration?: number;
    };
  };
}
