/** Which requests a fault applies to; by default the next `POST /2/tweets`. */
export interface FaultMatch {
  readonly method: string;
  readonly path: RegExp;
}

export const CREATE_POST: FaultMatch = { method: 'POST', path: /^\/2\/tweets$/u };

/** One-shot misbehaviour of the fake, for error-mapping tests. */
export type XFakeFault = {
  readonly match?: FaultMatch;
  /** Matching requests let through before this one misbehaves (the second part of a thread). */
  readonly after?: number;
} &
  /** 429 with `x-rate-limit-reset` this far in the future; the request is not applied. */
  (
    | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
    /** An X problem-details answer; not applied. */
    | { readonly kind: 'problem'; readonly status: number; readonly body: unknown }
    /** 503 Service Unavailable; not applied (the client cannot know). */
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
    /** Headers promise more bytes than are sent before the connection closes. */
    | { readonly kind: 'truncated'; readonly applied: boolean }
  );
