/** The shapes of the AT Protocol and app.bsky records and views the connector reads and writes. */

export interface SessionOutput {
  readonly did: string;
  readonly handle: string;
  readonly accessJwt: string;
  readonly refreshJwt: string;
  readonly didDoc?: DidDocument;
  readonly active?: boolean;
  readonly status?: string;
}

export interface DidDocument {
  readonly id?: string;
  readonly service?: readonly {
    readonly id: string;
    readonly type: string;
    readonly serviceEndpoint: unknown;
  }[];
}

export interface GetSessionOutput {
  readonly did: string;
  readonly handle: string;
  readonly active?: boolean;
  readonly status?: string;
}

export interface BlobRef {
  readonly $type: 'blob';
  readonly ref: { readonly $link: string };
  readonly mimeType: string;
  readonly size: number;
}

export interface StrongRef {
  readonly uri: string;
  readonly cid: string;
}

export interface ReplyRef {
  readonly root: StrongRef;
  readonly parent: StrongRef;
}

export interface Facet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  readonly features: readonly FacetFeature[];
}

export type FacetFeature =
  | { readonly $type: 'app.bsky.richtext.facet#link'; readonly uri: string }
  | { readonly $type: 'app.bsky.richtext.facet#mention'; readonly did: string }
  | { readonly $type: 'app.bsky.richtext.facet#tag'; readonly tag: string };

export interface AspectRatio {
  readonly width: number;
  readonly height: number;
}

export type Embed =
  | {
      readonly $type: 'app.bsky.embed.images';
      readonly images: readonly {
        readonly image: BlobRef;
        readonly alt: string;
        readonly aspectRatio?: AspectRatio;
      }[];
    }
  | {
      readonly $type: 'app.bsky.embed.video';
      readonly video: BlobRef;
      readonly alt?: string;
      readonly aspectRatio?: AspectRatio;
    }
  | {
      readonly $type: 'app.bsky.embed.external';
      readonly external: {
        readonly uri: string;
        readonly title: string;
        readonly description: string;
        readonly thumb?: BlobRef;
      };
    };

export interface PostRecord {
  readonly $type: 'app.bsky.feed.post';
  readonly text: string;
  readonly createdAt: string;
  readonly facets?: readonly Facet[];
  readonly embed?: Embed;
  readonly reply?: ReplyRef;
  readonly langs?: readonly string[];
  readonly labels?: {
    readonly $type: 'com.atproto.label.defs#selfLabels';
    readonly values: readonly { readonly val: string }[];
  };
}

export interface CreateRecordOutput {
  readonly uri: string;
  readonly cid: string;
}

export interface GetRecordOutput<T = unknown> {
  readonly uri: string;
  readonly cid?: string;
  readonly value: T;
}

export interface ProfileViewBasic {
  readonly did: string;
  readonly handle: string;
  readonly displayName?: string;
  readonly avatar?: string;
}

export interface ProfileViewDetailed extends ProfileViewBasic {
  readonly followersCount?: number;
  readonly followsCount?: number;
  readonly postsCount?: number;
}

export interface PostView {
  readonly uri: string;
  readonly cid: string;
  readonly author: ProfileViewBasic;
  readonly record: Partial<PostRecord>;
  readonly embed?: { readonly $type?: string; readonly [key: string]: unknown };
  readonly replyCount?: number;
  readonly repostCount?: number;
  readonly likeCount?: number;
  readonly quoteCount?: number;
  readonly indexedAt: string;
}

export type NotificationReason = 'like' | 'repost' | 'follow' | 'mention' | 'reply' | 'quote' | (string & {});

export interface Notification {
  readonly uri: string;
  readonly cid: string;
  readonly author: ProfileViewBasic;
  readonly reason: NotificationReason;
  readonly reasonSubject?: string;
  readonly record: Partial<PostRecord>;
  readonly isRead: boolean;
  readonly indexedAt: string;
}

export interface ListNotificationsOutput {
  readonly notifications: readonly Notification[];
  readonly cursor?: string;
}
