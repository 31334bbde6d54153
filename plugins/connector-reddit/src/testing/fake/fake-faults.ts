/** Which requests a fault applies to; by default the next `POST /api/submit`. */
export interface FaultMatch {
  readonly method: string;
  readonly path: RegExp;
}

export const SUBMIT: FaultMatch = { method: 'POST', path: /^\/api\/submit$/u };

/** One-shot misbehaviour of the fake, for error-mapping tests. */
export type RedditFakeFault = {
  readonly match?: FaultMatch;
} &
  /** HTTP 429 with `X-Ratelimit-Reset` this many seconds away; not applied. */
  (
    | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
    /** HTTP 200 with these `json.errors` triples (RATELIMIT, SUBREDDIT_NOTALLOWED, ...); not applied. */
    | { readonly kind: 'form-errors'; readonly errors: readonly [string, string, string][] }
    /** 503; not applied. */
    | { readonly kind: 'server-error' }
    /** Applied, then the connection hangs without an answer. */
    | { readonly kind: 'timeout-after-send' }
    /** Any status and bytes (an HTML page from the CDN, JSON of the wrong shape). */
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
