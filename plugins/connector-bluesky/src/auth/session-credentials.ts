import type { Credentials } from '@chorus/connector-sdk';
import type { DidDocument, SessionOutput } from '../xrpc/lexicon.js';

/** Credentials from a createSession or refreshSession answer; the DID is the account id, stable across handles. */
export function credentialsFromSession(
  session: SessionOutput,
  place: { readonly serviceUrl: string; readonly pdsUrl: string },
): Credentials {
  const claims = jwtClaims(session.accessJwt);
  return {
    accountId: session.did,
    accessToken: session.accessJwt,
    refreshToken: session.refreshJwt,
    ...(typeof claims.exp === 'number' ? { expiresAt: new Date(claims.exp * 1000).toISOString() } : {}),
    ...(typeof claims.scope === 'string' ? { scopes: [claims.scope] } : {}),
    extra: { handle: session.handle, pdsUrl: place.pdsUrl, serviceUrl: place.serviceUrl },
  };
}

/** The claims of a JWT, read without verifying it: only to learn when it expires and what it allows. */
export function jwtClaims(token: string): { readonly exp?: unknown; readonly scope?: unknown } {
  const payload = token.split('.')[1];
  if (!payload) {
    return {};
  }
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The PDS named in a DID document (`#atproto_pds`), where the account's repository lives. */
export function pdsFromDidDocument(didDoc: DidDocument | undefined): string | undefined {
  const service = didDoc?.service?.find(
    (entry) => entry.id.endsWith('#atproto_pds') && entry.type === 'AtprotoPersonalDataServer',
  );
  const endpoint = service?.serviceEndpoint;
  return typeof endpoint === 'string' && URL.canParse(endpoint) ? new URL(endpoint).origin : undefined;
}
