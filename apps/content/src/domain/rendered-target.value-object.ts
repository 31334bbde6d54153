import type { ContentType, MediaRef } from './post-content.value-object.js';

/** The UTM parameters added to a target's links (null: not added). */
export interface AppliedUtm {
  readonly source: string;
  readonly medium: string;
  readonly campaign: string;
  readonly content: string | null;
}

/** A target exactly as publishing will send it: variant resolved, links tagged. */
export interface RenderedTarget {
  readonly targetId: string;
  readonly channelId: string;
  readonly network: string;
  readonly contentType: ContentType;
  readonly text: string;
  readonly firstComment: string | null;
  readonly thread: readonly { readonly text: string; readonly media: readonly MediaRef[] }[];
  readonly media: readonly MediaRef[];
  readonly settings: Readonly<Record<string, unknown>>;
  readonly utm: AppliedUtm | null;
}
