/** Codes of the generic validator; connectors may add their own, prefixed with the network id. */
export type IssueCode =
  | 'text-required'
  | 'text-too-long'
  | 'content-not-supported'
  | 'too-many-media'
  | 'too-many-media-of-kind'
  | 'media-kinds-mixed'
  | 'media-type-not-allowed'
  | 'media-too-large'
  | 'media-too-many-pixels'
  | 'media-dimensions-out-of-range'
  | 'aspect-ratio-out-of-range'
  | 'video-too-long'
  | 'video-too-short'
  | 'alt-text-required'
  | 'alt-text-too-long'
  | 'thread-too-long'
  | 'poll-too-few-options'
  | 'poll-too-many-options'
  | 'poll-option-empty'
  | 'poll-option-too-long'
  | 'poll-duration-out-of-range'
  | 'poll-with-media'
  | 'invalid-setting';

export type IssuePath = readonly (string | number)[];

/** One precise reason a post cannot be published as it is; the composer shows it on the field at `path`. */
export interface ValidationIssue {
  readonly path: IssuePath;
  readonly code: IssueCode | `${string}:${string}`;
  readonly message: string;
  /** The limit that was broken (a number, or the allowed values). */
  readonly limit?: number | string | readonly string[];
  /** What the post has, in the limit's unit. */
  readonly actual?: number | string;
}
