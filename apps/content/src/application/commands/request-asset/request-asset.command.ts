import { Command } from '@nestjs/cqrs';
import type { AssetKind, AssetRequestProps } from '../../../domain/collaboration/asset-request.aggregate.js';

/** Asks a designer or video maker for an asset for a post, by a day. */
export class RequestAssetCommand extends Command<AssetRequestProps> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      postId: string;
      kind: AssetKind;
      brief: string;
      dueOn: string;
      assigneeId: string;
      by: string;
    },
  ) {
    super();
  }
}
