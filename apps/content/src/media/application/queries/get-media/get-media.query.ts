import { Query } from '@nestjs/cqrs';
import type { MediaAsset } from '../../../domain/media-asset.value-object.js';

export class GetMediaQuery extends Query<MediaAsset> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly mediaId: string,
  ) {
    super();
  }
}
