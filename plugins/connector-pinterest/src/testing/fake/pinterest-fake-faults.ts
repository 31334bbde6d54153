/** Which requests a fault applies to; by default the next `POST /v5/pins`. */
export interface FaultMatch {
  readonly method: string;
  readonly path: RegExp;
}

export const CREATE_PIN: FaultMatch = { method: 'POST', path: /^\/v5\/pins$/u };

/** One-shot misbehaviour of the fake, for error-mapping tests. */
export type PinterestFakeFault = { readonly match?: FaultMatch } &
  /** 429 with Retry-After; not applied. */
  (
    | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
    /** A `{code, message}` refusal with this status; not applied. */
    | { readonly kind: 'error'; readonly status: number; readonly message: string }
    /** 503; not applied. */
    | { readonly kind: 'server-error' }
    /** Applied, then the connection hangs without an answer. */
    | { readonly kind: 'timeout-after-send' }
    /** Any status and bytes (an HTML error page from a proxy, JSON of the wrong shape). */
    | {
        readonly kind: 'raw';
        readonly status: number;
        readonly contentType: string;
        readonly body: string;
        readonly applied: boolean;
      }
    /** Headers (201 unless `status` says otherwise) promise more bytes than are sent before the connection closes. */
    | { readonly kind: 'truncated'; readonly applied: boolean; readonly status?: number }
  );
