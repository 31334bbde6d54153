import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  /** Kept by the caller until the code exchange. Secret. */
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

/** An RFC 7636 verifier (43 characters of base64url) and its S256 challenge. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** An unguessable OAuth state value. */
export function createOAuthState(): string {
  return randomBytes(16).toString('base64url');
}
