import type { OnResume, PublishingPause } from '../../domain/publishing/publishing-pause.value-object.js';

export interface PauseRequest {
  readonly reason: string;
  readonly crisisId: string | null;
  readonly pausedBy: string | null;
  readonly onResume: OnResume;
}

/** Who ends a pause: a crisis (only its own pause, remembered as resolved) or a person (the whole pause). */
export interface ResumeRequest {
  readonly crisisId?: string;
  /** Null: the choice stored with the pause that ends. */
  readonly onResume: OnResume | null;
}

/** `stillPaused`: another source's pause stands, so nothing was released. */
export interface ResumeResult {
  readonly held: number;
  readonly stillPaused: boolean;
}

/**
 * Per-workspace pauses, one per source (a person, each crisis): while any stands, the publisher claims none of
 * the workspace's targets.
 */
export interface PublishingPauseRepository {
  /**
   * Adds this source's pause (a person pausing again updates reason and choice; a crisis keeps its row). False
   * when the crisis was already resolved: a late CrisisDetected pauses nothing.
   */
  pause(tenantId: string, workspaceId: string, request: PauseRequest, now: Date): Promise<boolean>;
  get(tenantId: string, workspaceId: string, now: Date): Promise<PublishingPause | null>;
  /**
   * In one transaction: removes the source's pause (a crisis: only its own row, and remembers it resolved);
   * once none stands, held targets go now or are moved by the pause's length. Null when the source had none.
   */
  resume(
    tenantId: string,
    workspaceId: string,
    request: ResumeRequest,
    now: Date,
  ): Promise<ResumeResult | null>;
  /** The workspace's choice for posts held by a crisis when the crisis ends ('publish' when never set). */
  crisisOnResume(tenantId: string, workspaceId: string): Promise<OnResume>;
  setCrisisOnResume(
    tenantId: string,
    workspaceId: string,
    onResume: OnResume,
    by: string,
    now: Date,
  ): Promise<void>;
}
