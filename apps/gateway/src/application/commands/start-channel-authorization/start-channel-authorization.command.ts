export class StartChannelAuthorizationCommand {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly memberId: string,
    readonly network: string,
    /** Where the network sends the browser back: the gateway's callback route. */
    readonly redirectUri: string,
    /** The manifest's auth.params form (a Mastodon server address). */
    readonly params: Readonly<Record<string, string>>,
    /** A secret only the starting browser holds (an httpOnly cookie); the callback must bring it back. */
    readonly browserNonce: string,
  ) {}
}

export interface AuthorizationStarted {
  readonly authorizeUrl: string;
  /** The one-time state in authorizeUrl: it names this authorization's browser cookie. */
  readonly state: string;
  readonly expiresAt: Date;
}
