import { Command } from '@nestjs/cqrs';
import type {
  AssetRequestProps,
  AssetRequestStatus,
} from '../../../domain/collaboration/asset-request.aggregate.js';

/** What became of the delivered media on the post: put into its master content, or why not. */
export interface DeliveryAttachment {
  readonly attached: boolean;
  /** The post's revision after the media were added (a new content version); null when not attached. */
  readonly postRevision: number | null;
  readonly reason: string | null;
}

export interface ChangedAssetRequest {
  readonly request: AssetRequestProps;
  /** Set on delivery only. */
  readonly attachment: DeliveryAttachment | null;
}

/** Moves an asset request on: in progress, delivered (with the media made), cancelled, or open again. */
export class ChangeAssetRequestStatusCommand extends Command<ChangedAssetRequest> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      requestId: string;
      status: AssetRequestStatus;
      mediaIds: readonly string[];
      expectedRevision: number;
      by: string;
      /** The caller's roles: an admin may move any request; others only their own (assignee or requester). */
      roles: readonly string[];
    },
  ) {
    super();
  }
}
