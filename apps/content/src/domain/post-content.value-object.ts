/** The kinds of post Chorus plans; each target's network must publish it (content-type.rules.ts). */
export const CONTENT_TYPES = ['text', 'link', 'image', 'carousel', 'video', 'story', 'reel'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/**
 * A file of the workspace's media, as a post uses it. Size, dimensions and duration travel with the reference
 * so that the network's limits are checked without fetching the file.
 */
export interface MediaRef {
  readonly mediaId: string;
  readonly kind: 'image' | 'video' | 'gif';
  readonly mimeType: string;
  readonly url: string;
  readonly sizeBytes: number | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationSeconds: number | null;
  readonly altText: string | null;
}

/** One post of a thread after the first. */
export interface ThreadItem {
  readonly text: string;
  readonly media: readonly MediaRef[];
}

/** What the post says everywhere unless a channel's variant says otherwise. */
export interface MasterContent {
  readonly text: string;
  readonly media: readonly MediaRef[];
  readonly firstComment: string | null;
  readonly thread: readonly ThreadItem[];
}

/** The post on one channel: null fields take the master's. */
export interface PostTarget {
  readonly targetId: string;
  readonly channelId: string;
  readonly text: string | null;
  readonly media: readonly MediaRef[] | null;
  readonly firstComment: string | null;
  readonly thread: readonly ThreadItem[] | null;
  /** The connector's per-post settings (its manifest's postSettingsSchema). */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** A target with the master filled in: what goes to the network, before links are tagged. */
export interface ResolvedTarget {
  readonly targetId: string;
  readonly channelId: string;
  readonly text: string;
  readonly media: readonly MediaRef[];
  readonly firstComment: string | null;
  readonly thread: readonly ThreadItem[];
  readonly settings: Readonly<Record<string, unknown>>;
}

export function resolveTarget(master: MasterContent, target: PostTarget): ResolvedTarget {
  return {
    targetId: target.targetId,
    channelId: target.channelId,
    text: target.text ?? master.text,
    media: target.media ?? master.media,
    firstComment: target.firstComment ?? master.firstComment,
    thread: target.thread ?? master.thread,
    settings: target.settings,
  };
}
