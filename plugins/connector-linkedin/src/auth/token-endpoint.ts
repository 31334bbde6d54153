import {
  AmbiguousError,
  InvalidContentError,
  ReauthRequiredError,
  z,
  type ConnectorOperation,
} from '@chorus/connector-sdk';
import { unreadable } from '../api/linkedin-api.js';
import { mapLinkedinError } from '../api/map-error.js';
import type { LinkedinDeps } from '../linkedin-deps.js';

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
});

export type TokenAnswer = z.output<typeof tokenAnswer>;

/** `POST /oauth/v2/accessToken` (form encoded, client credentials in the body), 6.2. */
export async function requestToken(
  deps: LinkedinDeps,
  operation: ConnectorOperation,
  grant: Record<string, string>,
): Promise<TokenAnswer> {
  const { config, context } = deps;
  const path = '/oauth/v2/accessToken';
  const response = await context.http.fetch(new URL(path, config.authUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      ...grant,
      client_id: config.clientId,
      client_secret: config.clientSecret,
    }).toString(),
    endpoint: 'oauth.token',
  });
  const text = await response.text().catch((cause: unknown) => {
    throw new AmbiguousError(`LinkedIn's token answer was cut off`, { cause });
  });
  const call = { operation, endpoint: 'oauth.token', path };
  if (!response.ok) {
    const error = readOAuthError(text);
    if (response.status === 401 && error === 'invalid_client') {
      throw new InvalidContentError(
        'LinkedIn refused the app credentials (invalid_client): check clientId and clientSecret in the connector configuration.',
      );
    }
    if (response.status === 400 && error !== null) {
      throw new ReauthRequiredError(
        `LinkedIn refused the ${grant.grant_type === 'refresh_token' ? 'refresh token' : 'authorization code'} (${error}): connect the account again.`,
      );
    }
    throw mapLinkedinError(
      { status: response.status, headers: response.headers, text },
      { ...call, now: context.clock.now() },
    );
  }
  try {
    return tokenAnswer.parse(JSON.parse(text));
  } catch (cause) {
    throw unreadable(call, 'a token answer without access_token and expires_in', cause);
  }
}

function readOAuthError(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}
