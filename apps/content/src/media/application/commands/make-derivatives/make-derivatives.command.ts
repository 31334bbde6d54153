import { Command } from '@nestjs/cqrs';
import type { MediaDerivative } from '../../../domain/media-asset.value-object.js';

/** Makes (again) the asset's derivative for each network the workspace has channels on, where one is needed. */
export class MakeDerivativesCommand extends Command<MediaDerivative[]> {
  constructor(
    readonly data: { readonly tenantId: string; readonly workspaceId: string; readonly mediaId: string },
  ) {
    super();
  }
}
