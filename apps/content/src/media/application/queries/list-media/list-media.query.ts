import { Query } from '@nestjs/cqrs';
import type { MediaAsset } from '../../../domain/media-asset.value-object.js';

export class ListMediaQuery extends Query<MediaAsset[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly kind: MediaAsset['kind'] | undefined,
  ) {
    super();
  }
}
