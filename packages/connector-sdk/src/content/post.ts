/** Where a connector gets a media file: a signed URL from the media library, or the bytes themselves. */
export type MediaSource =
  { readonly kind: 'url'; readonly url: string } | { readonly kind: 'bytes'; readonly data: Uint8Array };

export type MediaKind = 'image' | 'video' | 'gif';

export interface MediaInput {
  readonly kind: MediaKind;
  readonly mimeType: string;
  readonly source: MediaSource;
  readonly fileName?: string;
  /** Size in bytes, width, height and duration come from the media library, so limits are checked offline. */
  readonly sizeBytes?: number;
  readonly width?: number;
  readonly height?: number;
  readonly durationSeconds?: number;
  readonly altText?: string;
}

export interface PollInput {
  readonly options: readonly string[];
  readonly durationSeconds: number;
  readonly multiple?: boolean;
}

/** One post of a thread after the first. */
export interface ThreadPartInput {
  readonly text: string;
  readonly media?: readonly MediaInput[];
}

/** A post's variant for one network: what a connector publishes. */
export interface PostInput {
  readonly text: string;
  /** A link the network should show as a card; connectors that show cards from the text may append it. */
  readonly link?: { readonly url: string };
  readonly media?: readonly MediaInput[];
  readonly poll?: PollInput;
  readonly thread?: readonly ThreadPartInput[];
  readonly firstComment?: { readonly text: string };
  /** Per-post settings, validated against the manifest's postSettingsSchema. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** A post as the network knows it. */
export interface RemotePostRef {
  readonly remoteId: string;
  readonly url: string;
}
