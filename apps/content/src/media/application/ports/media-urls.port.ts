import type { SignatureCheck } from '../../domain/signed-url.value-object.js';

/** Signed public URLs: networks fetch media with them, calendar apps the workspace's feed. */
export interface MediaUrls {
  /** A URL that serves the asset (or one derivative) until `validUntil`. */
  mediaUrl(
    ref: { tenantId: string; workspaceId: string; mediaId: string; derivativeId?: string },
    validUntil: Date,
  ): string;
  /** A URL that serves the workspace's scheduled posts as an iCalendar feed until `validUntil`. */
  calendarFeedUrl(ref: { tenantId: string; workspaceId: string }, validUntil: Date): string;
  /** Checks a URL's signature over what it opens (`media:<path>` or `calendar:<tenant>/<workspace>`). */
  check(subject: string, expiresAtSeconds: number, signature: string, now: Date): SignatureCheck;
  /** The default lifetime of a media URL, from now or from a publish time. */
  readonly lifetimeSeconds: number;
}
