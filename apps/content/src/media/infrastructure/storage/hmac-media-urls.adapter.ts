import type { MediaUrls } from '../../application/ports/media-urls.port.js';
import {
  calendarFeedSubject,
  checkSignature,
  signature,
  type SignatureCheck,
} from '../../domain/signed-url.value-object.js';

/**
 * `<publicUrl>/public/media/<tenant>/<workspace>/<asset>[/<derivative>]?expires=<s>&signature=<hmac>` and
 * `<publicUrl>/public/calendar/<tenant>/<workspace>/feed.ics?expires=<s>&signature=<hmac>`.
 */
export class HmacMediaUrls implements MediaUrls {
  constructor(
    private readonly key: Buffer,
    private readonly publicUrl: string,
    readonly lifetimeSeconds: number,
  ) {}

  mediaUrl(
    ref: { tenantId: string; workspaceId: string; mediaId: string; derivativeId?: string },
    validUntil: Date,
  ): string {
    const parts = [ref.tenantId, ref.workspaceId, ref.mediaId];
    if (ref.derivativeId !== undefined) {
      parts.push(ref.derivativeId);
    }
    const path = parts.join('/');
    return `${this.publicUrl}/public/media/${path}?${this.query(`media:${path}`, validUntil)}`;
  }

  calendarFeedUrl(
    ref: { tenantId: string; workspaceId: string; generation: number },
    validUntil: Date,
  ): string {
    const path = `${ref.tenantId}/${ref.workspaceId}`;
    const query = this.query(calendarFeedSubject(ref), validUntil);
    // Generation 1 keeps the form links had before revocation existed, so those links still work.
    const generation = ref.generation === 1 ? '' : `&generation=${ref.generation}`;
    return `${this.publicUrl}/public/calendar/${path}/feed.ics?${query}${generation}`;
  }

  check(subject: string, expiresAtSeconds: number, given: string, now: Date): SignatureCheck {
    return checkSignature(this.key, subject, expiresAtSeconds, given, now);
  }

  private query(subject: string, validUntil: Date): string {
    const expires = Math.floor(validUntil.getTime() / 1000);
    return `expires=${expires}&signature=${signature(this.key, subject, expires)}`;
  }
}
