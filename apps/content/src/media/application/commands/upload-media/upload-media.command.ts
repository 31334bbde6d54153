import { Command } from '@nestjs/cqrs';
import type { MediaAsset } from '../../../domain/media-asset.value-object.js';

export class UploadMediaCommand extends Command<MediaAsset> {
  constructor(
    readonly data: {
      readonly tenantId: string;
      readonly workspaceId: string;
      readonly by: string;
      readonly bytes: Buffer;
      readonly fileName: string | null;
      readonly declaredType: string | null;
      readonly altText: string | null;
    },
  ) {
    super();
  }
}
