/** Which requests a fault applies to; by default the next post init (video, inbox video or photo). */
export interface FaultMatch {
  readonly method: string;
  readonly path: RegExp;
}

export const POST_INIT: FaultMatch = {
  method: 'POST',
  path: /^\/v2\/post\/publish\/(video|inbox\/video|content)\/init\/$/u,
};

/** One-shot misbehaviour of the fake, for error-mapping tests. */
export type TikTokFakeFault = { readonly match?: FaultMatch } &
  /** 429 rate_limit_exceeded, with a Retry-After a gateway in front may add; not applied. */
  (
    | { readonly kind: 'rate-limited'; readonly retryAfterSeconds?: number }
    /** An envelope error with this status and code; not applied. */
    | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string }
    /** 500 internal_error; not applied. */
    | { readonly kind: 'server-error' }
    /** Applied, then the connection hangs without an answer. */
    | { readonly kind: 'timeout-after-send' }
    /** Any status and bytes (an HTML page from a proxy, JSON of the wrong shape). */
    | {
        readonly kind: 'raw';
        readonly status: number;
        readonly contentType: string;
        readonly body: string;
        readonly applied: boolean;
      }
    /** Headers promise more bytes than are sent before the connection closes. */
    | { readonly kind: 'truncated'; readonly applied: boolean }
  );
