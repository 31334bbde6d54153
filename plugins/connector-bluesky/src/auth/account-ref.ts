import { ReauthRequiredError, type Credentials } from '@chorus/connector-sdk';

/** What a connector call needs to know about the account beyond its tokens, kept in Credentials.extra. */
export interface BlueskyAccount {
  readonly did: string;
  readonly handle: string;
  /** Where the account's repository lives: every call but session refresh goes there. */
  readonly pdsUrl: string;
  /** Where the session was created, and so where it is refreshed (the entryway for bsky.social accounts). */
  readonly serviceUrl: string;
}

export function accountOf(credentials: Credentials): BlueskyAccount {
  const extra = credentials.extra ?? {};
  const { handle, pdsUrl, serviceUrl } = extra;
  if (!credentials.accountId.startsWith('did:') || !handle || !pdsUrl || !serviceUrl) {
    throw new ReauthRequiredError(
      'These Bluesky credentials lack the account DID or its server; connect the account again.',
    );
  }
  return { did: credentials.accountId, handle, pdsUrl, serviceUrl };
}
