/**
 * A running local Bluesky network (PLC, PDS, AppView) as tests use it, wherever it runs: in this process, or in
 * the vitest main process shared by every test file.
 */
export interface BlueskyTestNetwork {
  /** The PDS: accounts, sessions, repositories; it proxies app.bsky.* reads to the AppView. */
  readonly pdsUrl: string;
  readonly appViewUrl: string;
  readonly plcUrl: string;
  /** The secret the PDS signs access tokens with (a dev-env constant), to make a token expire in tests. */
  readonly accessTokenSecret: string;
  /** Resolves once the AppView has indexed every write the PDS has accepted so far. */
  processAll(): Promise<void>;
  /** Done with it; the network stops when its last user is done (a shared one at the end of the run). */
  release(): Promise<void>;
}

/** How a started network describes itself to test processes that share it. */
export interface NetworkDescription {
  readonly pdsUrl: string;
  readonly appViewUrl: string;
  readonly plcUrl: string;
  readonly accessTokenSecret: string;
  readonly startupSeconds: number;
}
