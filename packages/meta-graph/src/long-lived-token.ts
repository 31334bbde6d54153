import { ReauthRequiredError, SharedCalls, z, type Clock } from '@chorus/connector-sdk';
import type { GraphClient } from './graph-client.js';

// Instagram Login also answers the permissions granted (3.1 step 2), a list or one comma-separated string;
// Threads does not send them (4.1).
const grantedList = z
  .union([z.array(z.string()), z.string().transform((text) => text.split(','))])
  .transform((items) => items.map((item) => item.trim()).filter((item) => item.length > 0));
const shortToken = z.object({
  access_token: z.string().min(1),
  user_id: z.union([z.string(), z.number()]),
  permissions: grantedList.optional(),
});
export const longToken = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
export type LongToken = z.output<typeof longToken>;
const DAY_MS = 86_400_000;

export interface CodeLogin {
  /** Absolute URL of the code exchange (api.instagram.com/oauth/access_token, graph.threads.net/oauth/access_token). */
  readonly tokenUrl: string;
  /** `ig_exchange_token` or `th_exchange_token`. */
  readonly exchangeGrant: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly code: string;
  readonly redirectUri: string;
}

export interface CodeLoginResult {
  readonly userId: string;
  readonly token: LongToken;
  /** The permissions the code exchange says were granted; undefined when the network does not send them. */
  readonly permissions?: readonly string[];
}

/**
 * The login both Instagram Login and Threads use (3.1, 4.1): code -> short-lived token (1 hour) -> long-lived
 * token (60 days) from `GET /access_token` on the Graph host.
 */
export async function exchangeForLongLivedToken(
  graph: GraphClient,
  login: CodeLogin,
): Promise<CodeLoginResult> {
  const short = await graph.call(
    {
      operation: 'auth.exchange',
      endpoint: 'oauth.token',
      method: 'POST',
      url: login.tokenUrl,
      path: '/oauth/access_token',
      anonymous: true,
      form: {
        client_id: login.clientId,
        client_secret: login.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: login.redirectUri,
        code: login.code,
      },
    },
    shortToken,
  );
  const token = await graph.call(
    {
      operation: 'auth.exchange',
      endpoint: 'oauth.token',
      path: '/access_token',
      unversioned: true,
      anonymous: true,
      query: {
        grant_type: login.exchangeGrant,
        client_secret: login.clientSecret,
        access_token: short.access_token,
      },
    },
    longToken,
  );
  return { userId: String(short.user_id), token, permissions: short.permissions };
}

export interface TokenAge {
  readonly issuedAt: string | undefined;
  readonly expiresAt: string | undefined;
}

/**
 * Whether a long-lived token can and should be refreshed (3.1, 4.1): an expired one cannot (the person logs
 * in again), one under 24 hours old is refused by Meta and has 59 days left anyway.
 */
export function refreshDue(clock: Clock, age: TokenAge, network: string): boolean {
  const now = clock.now().getTime();
  const expiresAt = Date.parse(age.expiresAt ?? '');
  if (Number.isFinite(expiresAt) && expiresAt <= now) {
    throw new ReauthRequiredError(
      `The ${network} token expired before it was refreshed; reconnect the account.`,
    );
  }
  const issuedAt = Date.parse(age.issuedAt ?? '');
  return !(Number.isFinite(issuedAt) && now - issuedAt < DAY_MS);
}

/** `GET /refresh_access_token?grant_type=<ig|th>_refresh_token`: a new 60-day token. */
export function refreshLongLivedToken(
  graph: GraphClient,
  grant: string,
  accessToken: string,
): Promise<LongToken> {
  return graph.call(
    {
      operation: 'auth.refresh',
      endpoint: 'oauth.refresh',
      path: '/refresh_access_token',
      unversioned: true,
      anonymous: true,
      query: { grant_type: grant, access_token: accessToken },
    },
    longToken,
  );
}

/**
 * One refresh per account at a time: tokens rotate, so a second concurrent refresh would use a dead token.
 * The SDK's SharedCalls is this same mechanism; the name stays for existing callers.
 * @deprecated use SharedCalls of @chorus/connector-sdk
 */
export const SerialRefresh = SharedCalls;
export type SerialRefresh<T> = SharedCalls<T>;
