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
  ) {}
}

export interface AuthorizationStarted {
  readonly authorizeUrl: string;
  readonly expiresAt: Date;
}
