import type { Credentials, MediaInput, PostInput, WebhookRequest } from '@chorus/connector-sdk';

/** How another user of the network sees a post. */
export interface ViewedPost {
  readonly text: string;
  readonly media: readonly { readonly kind?: string; readonly altText: string | null }[];
  /** The post this one answers, if any. */
  readonly inReplyTo: string | null;
  readonly link?: string | null;
  readonly poll?: { readonly options: readonly string[] } | null;
  readonly likes?: number;
  readonly hidden?: boolean;
}

/**
 * Another user on the network, acting through the network's own API: the kit needs someone to look at what
 * was published and to talk to. Only `view` is always needed; the rest when the manifest declares what uses it.
 */
export interface NetworkPeer {
  /** Needed for comment, reply and insights tests. */
  reply?(remoteId: string, text: string): Promise<{ readonly remoteId: string }>;
  /** A post mentioning the connected account; needed when the manifest declares mention. */
  mention?(text: string): Promise<{ readonly remoteId: string }>;
  /** A direct message to the connected account; needed when the manifest declares direct-message. */
  directMessage?(text: string): Promise<{ readonly remoteId: string }>;
  /** Needed for the likes metric and the like test. */
  like?(remoteId: string): Promise<void>;
  /** Needed for the shares metric. */
  repost?(remoteId: string): Promise<void>;
  /** Follows the connected account; needed when the manifest declares the followers metric. */
  follow?(): Promise<void>;
  /** The post as this user sees it; null when it does not exist (or no longer does). */
  view(remoteId: string): Promise<ViewedPost | null>;
}

export type ContractFault =
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'invalid-content' }
  | { readonly kind: 'server-error' }
  /** The network applies the next publish, then never answers. */
  | { readonly kind: 'timeout-after-send' };

export interface ContractAuth {
  readonly oauth2?: {
    readonly redirectUri: string;
    readonly params?: Readonly<Record<string, string>>;
    /** Plays the person's browser: open the authorization URL, approve, return what the redirect carried. */
    consent(authorizationUrl: string): Promise<{ readonly code: string; readonly state: string | null }>;
  };
  readonly password?: {
    readonly identifier: string;
    readonly password: string;
    readonly params?: Readonly<Record<string, string>>;
  };
  /** Makes the network refuse these credentials, as when a token expires or is revoked. */
  expire(credentials: Credentials): Promise<void>;
}

export interface ContractSetup {
  /** The connector's configuration. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Timeout of the kit's HTTP client; keep it short so that the timeout test is quick. Default 2000 ms. */
  readonly httpTimeoutMs?: number;
  readonly auth: ContractAuth;
  /** Needed when the manifest declares inbox or insights. */
  readonly peer?: NetworkPeer;
  /** Sample media the network accepts, one per declared media kind. */
  readonly media?: { image?(): MediaInput; video?(): MediaInput; gif?(): MediaInput };
  /**
   * What every post the kit publishes starts from, for networks where no post is text alone (Instagram needs a
   * photo or a video); the kit's own fields win. Absent for networks that publish text.
   */
  readonly basePost?: () => Partial<PostInput>;
  /** One-shot faults the network (or a proxy in front of it) applies to the next publish. Required. */
  readonly faults?: { next(fault: ContractFault): void };
  /** Counts posts the network created, to prove "refused before any network call" and "no duplicate". */
  readonly network: { publishedCount(): Promise<number> };
  /** A genuine signed webhook delivery caused by a peer action; needed when the manifest declares webhooks. */
  readonly webhook?: { deliver(): Promise<WebhookRequest> };
  teardown?(): Promise<void>;
}

export interface ContractTestOptions {
  /** What the package exports (defineConnector's result). */
  readonly connector: import('@chorus/connector-sdk').ConnectorDefinition;
  /** Called once before the suite: start the fake (or the local network) and describe how to use it. */
  setup(): Promise<ContractSetup>;
  /** Per-test timeout; default 30 s. */
  readonly timeoutMs?: number;
}
