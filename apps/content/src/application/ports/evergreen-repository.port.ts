import type { EvergreenSetting } from '../../domain/evergreen/evergreen-setting.value-object.js';

/** Where the newest post of an evergreen chain (the post itself, or its latest re-queue) stands. */
export interface ChainHead {
  readonly postId: string;
  /** Its re-queue number: 0 for the post itself, n for re-queue n (the highest made). */
  readonly requeue: number;
  readonly status: 'draft' | 'scheduled';
  /** Its targets' publication states ('scheduled', 'waiting', 'publishing', 'published', ...). */
  readonly targetStates: readonly string[];
  /** Whether any post of the chain (an older one rescheduled or retried by a person too) has a target to go. */
  readonly chainPending: boolean;
  /** When its last target went out, if any did. */
  readonly lastPublishedAt: Date | null;
}

/** A re-queue made of an evergreen post. */
export interface RequeueView {
  readonly postId: string;
  readonly requeue: number;
  readonly status: 'draft' | 'scheduled';
  readonly publishAt: Date | null;
}

export interface EvergreenRepository {
  save(setting: EvergreenSetting): Promise<void>;
  find(tenantId: string, workspaceId: string, postId: string): Promise<EvergreenSetting | null>;
  /** The setting, its row locked until the surrounding unit of work ends (one re-queue at a time). */
  lockForRun(tenantId: string, postId: string): Promise<EvergreenSetting | null>;
  head(tenantId: string, postId: string): Promise<ChainHead | null>;
  requeues(tenantId: string, postId: string): Promise<RequeueView[]>;
  /** Active settings of every agency (the planner's round). */
  active(limit: number): Promise<{ tenantId: string; postId: string }[]>;
}
