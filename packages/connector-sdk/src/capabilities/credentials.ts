/**
 * What the token vault keeps for one connected account. Every field but `accountId` is secret: the host never
 * logs credentials and never puts them on Kafka.
 */
export interface Credentials {
  /** The account's id on the network (also the key of its rate limits). */
  readonly accountId: string;
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** ISO-8601 instant after which the access token is refused; absent when it does not expire. */
  readonly expiresAt?: string;
  readonly scopes?: readonly string[];
  /** Network-specific values the connector needs again (a Mastodon instance URL, a Bluesky DID and PDS). */
  readonly extra?: Readonly<Record<string, string>>;
}

/** Who an account is, as the network shows it. */
export interface AccountProfile {
  readonly accountId: string;
  readonly handle: string;
  readonly displayName: string | null;
  readonly url: string | null;
  readonly avatarUrl?: string | null;
}
