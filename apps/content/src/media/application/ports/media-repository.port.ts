import type { MediaAsset, MediaDerivative } from '../../domain/media-asset.value-object.js';

export interface MediaRepository {
  add(asset: MediaAsset): Promise<void>;
  find(tenantId: string, workspaceId: string, mediaId: string): Promise<MediaAsset | null>;
  findMany(tenantId: string, workspaceId: string, mediaIds: readonly string[]): Promise<MediaAsset[]>;
  /** Newest first. */
  list(tenantId: string, workspaceId: string, filter: { kind?: MediaAsset['kind'] }): Promise<MediaAsset[]>;
  setAltText(
    tenantId: string,
    workspaceId: string,
    mediaId: string,
    altText: string | null,
  ): Promise<boolean>;
  /** Replaces the asset's derivative for the derivative's network. */
  putDerivative(tenantId: string, mediaId: string, derivative: MediaDerivative): Promise<void>;
  /**
   * Deletes the asset (and its derivatives' rows) unless a scheduled post uses it: the ids of those posts when
   * it is in use.
   */
  removeUnlessScheduled(
    tenantId: string,
    workspaceId: string,
    mediaId: string,
  ): Promise<{ removed: true } | { removed: false; usedBy: string[] }>;
}
