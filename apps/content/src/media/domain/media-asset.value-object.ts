/** A file of a workspace's media library, with what its bytes said when it was uploaded. */
export interface MediaAsset {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly kind: 'image' | 'video' | 'gif';
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationSeconds: number | null;
  readonly altText: string | null;
  /** The name it was uploaded with, for people; never used to decide the type. */
  readonly fileName: string | null;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly derivatives: readonly MediaDerivative[];
}

/** The asset cropped, resized or converted for one network, so that its limits hold. */
export interface MediaDerivative {
  readonly id: string;
  readonly network: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly width: number;
  readonly height: number;
  /** What was done, for people: "cropped to 4:5, resized to 1080x1350, converted to JPEG". */
  readonly description: string;
}

/** Where the bytes of an asset (and of each derivative) are kept in storage. */
export const storageKeyOf = (
  asset: Pick<MediaAsset, 'tenantId' | 'workspaceId' | 'id'>,
  derivativeId?: string,
) =>
  `${asset.tenantId}/${asset.workspaceId}/${asset.id}${derivativeId === undefined ? '' : `/${derivativeId}`}`;
