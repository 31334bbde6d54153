import { ContentConflictError } from '../content.errors.js';
import { AssetRequestChangedEvent } from './events/asset-request-changed.event.js';

export const ASSET_KINDS = ['image', 'video', 'design', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export type AssetRequestStatus = 'open' | 'in-progress' | 'delivered' | 'cancelled';

export interface AssetRequestProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly postId: string;
  readonly kind: AssetKind;
  readonly brief: string;
  /** A calendar date (YYYY-MM-DD): the day the asset is due. */
  readonly dueOn: string;
  readonly assigneeId: string;
  readonly requestedBy: string;
  readonly status: AssetRequestStatus;
  /** The media delivered for the post (library ids), set on delivery. */
  readonly mediaIds: readonly string[];
  readonly revision: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** Which status may follow which: open -> in progress -> delivered, and cancelled from either open state. */
const NEXT: Record<AssetRequestStatus, readonly AssetRequestStatus[]> = {
  open: ['in-progress', 'delivered', 'cancelled'],
  'in-progress': ['delivered', 'cancelled', 'open'],
  delivered: [],
  cancelled: [],
};

/** A brief for a designer or video maker, for one post, due on a day; delivering attaches media to the post. */
export class AssetRequest {
  private events: object[] = [];

  private constructor(private props: AssetRequestProps) {}

  static open(
    request: Omit<AssetRequestProps, 'status' | 'mediaIds' | 'revision' | 'updatedAt' | 'updatedBy'>,
  ): AssetRequest {
    const created = new AssetRequest({
      ...request,
      status: 'open',
      mediaIds: [],
      revision: 1,
      updatedAt: request.createdAt,
      updatedBy: request.requestedBy,
    });
    created.events.push(new AssetRequestChangedEvent(created.props, request.requestedBy));
    return created;
  }

  static restore(props: AssetRequestProps): AssetRequest {
    return new AssetRequest(props);
  }

  /** Moves the request on; delivering needs the media made for it. */
  changeStatus(
    status: Exclude<AssetRequestStatus, 'open'> | 'open',
    mediaIds: readonly string[],
    expectedRevision: number,
    by: string,
    now: Date,
  ): void {
    const p = this.props;
    if (expectedRevision !== p.revision) {
      throw new ContentConflictError(
        `The request is at revision ${p.revision}, not ${expectedRevision}: someone changed it meanwhile; reload it`,
      );
    }
    if (!NEXT[p.status].includes(status)) {
      throw new ContentConflictError(
        NEXT[p.status].length === 0
          ? `The request is ${p.status}; it cannot change any more (open a new request instead)`
          : `A request that is ${p.status} can become ${NEXT[p.status].join(' or ')}, not ${status}`,
      );
    }
    this.props = {
      ...p,
      status,
      mediaIds: status === 'delivered' ? [...mediaIds] : p.mediaIds,
      revision: p.revision + 1,
      updatedAt: now,
      updatedBy: by,
    };
    this.events.push(new AssetRequestChangedEvent(this.props, by));
  }

  pendingEvents(): readonly object[] {
    return this.events;
  }

  clearPendingEvents(): void {
    this.events = [];
  }

  snapshot(): AssetRequestProps {
    return this.props;
  }
}
