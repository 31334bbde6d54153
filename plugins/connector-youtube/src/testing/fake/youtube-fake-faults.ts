/** Which requests a fault applies to. */
export type FaultTarget =
  /** POST /upload/youtube/v3/videos: the request that starts an upload (by default). */
  | 'start-upload'
  /** Any PUT carrying bytes to a session; `chunk` picks the n-th (0-based) of that session. */
  | 'chunk'
  /** The PUT that completes an upload (the video is created by it). */
  | 'final-chunk'
  /** Any request whose path matches. */
  | { readonly method: string; readonly path: RegExp };

/** One-shot misbehaviour of the fake, for error-mapping tests. */
export type YoutubeFakeFault = {
  readonly target?: FaultTarget;
  /** With target 'chunk': which chunk of the upload misbehaves. */
  readonly chunk?: number;
} & (
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  /** A Google error body; not applied. */
  | { readonly kind: 'error'; readonly status: number; readonly reason: string; readonly message: string }
  | { readonly kind: 'server-error' }
  /** Applied, then the connection hangs without an answer. */
  | { readonly kind: 'timeout-after-send' }
  /** The connection is cut before the request is applied (an interrupted chunk). */
  | { readonly kind: 'reset' }
  /** Any status and bytes (an HTML error page, JSON of the wrong shape), applied or not. */
  | {
      readonly kind: 'raw';
      readonly status: number;
      readonly contentType: string;
      readonly body: string;
      readonly applied: boolean;
    }
  /** Headers promise more bytes than are sent. */
  | { readonly kind: 'truncated'; readonly applied: boolean }
);
