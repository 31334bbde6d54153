import type { SignatureCheck } from '../../domain/signed-url.value-object.js';

/** Signed public URLs: networks fetch media with them, calendar apps the workspace's feed. */
export interface MediaUrls {
  /** A URL that serves the asset (or one derivative) until `validUntil`. */
  mediaUrl(
    ref: { tenantId: string; workspaceId: string; mediaId: string; derivativeId?: string },
    validUntil: Date,
  ): string;
  /**
   * A URL that serves the workspace's scheduled posts as an iCalendar feed until `validUntil`, for the feed
   * link's generation (1 until the link is first revoked; each revocation moves to the next).
   */
  calendarFeedUrl(
    ref: { tenantId: string; workspaceId: string; generation: number },
    validUntil: Date,
  ): string;
  /** Checks a URL's signature over what it opens (`media:<path>` or calendarFeedSubject(...)). */
  check(subject: string, expiresAtSeconds: number, signature: string, now: Date): SignatureCheck;
  /** The default lifetime of a media URL, from now or from a publish time. */
  readonly lifetimeSeconds: number;
}
