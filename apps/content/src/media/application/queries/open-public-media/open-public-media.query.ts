import { Query } from '@nestjs/cqrs';

export type PublicMedia =
  | { readonly ok: true; readonly bytes: Buffer; readonly mimeType: string }
  | { readonly ok: false; readonly status: 403 | 404; readonly reason: string };

/** A file opened by a signed URL, without any Chorus identity (networks fetch media this way). */
export class OpenPublicMediaQuery extends Query<PublicMedia> {
  constructor(
    readonly ref: { tenantId: string; workspaceId: string; mediaId: string; derivativeId: string | null },
    readonly expires: number,
    readonly signature: string,
  ) {
    super();
  }
}
