import { createHmac, timingSafeEqual } from 'node:crypto';

// Networks fetch media from a URL without any Chorus identity: the URL itself carries the authority, an HMAC
// over what it opens and until when. Anyone holding it can read that one file until it expires, nothing else.

/** `subject` names what the URL opens, e.g. "media:<tenant>/<workspace>/<asset>[/<derivative>]". */
export function signature(key: Buffer, subject: string, expiresAtSeconds: number): string {
  return createHmac('sha256', key).update(`${subject}\n${expiresAtSeconds}`).digest('base64url');
}

export type SignatureCheck = 'valid' | 'expired' | 'forged';

export function checkSignature(
  key: Buffer,
  subject: string,
  expiresAtSeconds: number,
  given: string,
  now: Date,
): SignatureCheck {
  const expected = Buffer.from(signature(key, subject, expiresAtSeconds));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return 'forged';
  }
  return expiresAtSeconds * 1000 < now.getTime() ? 'expired' : 'valid';
}

/**
 * What a calendar feed link opens: the workspace's feed, in one generation of its link. Revoking the link
 * moves the workspace to the next generation, so every link signed for an earlier one is refused (410).
 */
export function calendarFeedSubject(ref: {
  tenantId: string;
  workspaceId: string;
  generation: number;
}): string {
  const base = `calendar:${ref.tenantId}/${ref.workspaceId}`;
  return ref.generation === 1 ? base : `${base}#${ref.generation}`;
}
