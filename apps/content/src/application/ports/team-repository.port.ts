import type { AssetRequest, AssetRequestStatus } from '../../domain/collaboration/asset-request.aggregate.js';

export interface PostComment {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly postId: string;
  readonly body: string;
  readonly mentions: readonly string[];
  readonly authorId: string;
  readonly createdAt: Date;
}

export interface AssetRequestFilter {
  readonly postId?: string;
  readonly assigneeId?: string;
  readonly status?: AssetRequestStatus;
}

/** The creative team's work on posts: internal comments and asset requests, each with its notifications. */
export interface TeamRepository {
  /** Stores the comment and notifies the members it mentions, in one transaction. */
  addComment(comment: PostComment): Promise<void>;
  comments(tenantId: string, workspaceId: string, postId: string): Promise<PostComment[]>;
  /** Stores a new or changed request with its notifications; a conflict if its revision moved meanwhile. */
  saveAssetRequest(request: AssetRequest, previousRevision: number | null): Promise<void>;
  findAssetRequest(tenantId: string, workspaceId: string, id: string): Promise<AssetRequest | null>;
  assetRequests(tenantId: string, workspaceId: string, filter: AssetRequestFilter): Promise<AssetRequest[]>;
}
