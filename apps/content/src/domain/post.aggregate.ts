import { ContentConflictError } from './content.errors.js';
import { PostScheduledEvent } from './events/post-scheduled.event.js';
import type { ContentType, MasterContent, PostTarget } from './post-content.value-object.js';
import type { RenderedTarget } from './rendered-target.value-object.js';

export type PostStatus = 'draft' | 'scheduled';

/** When the post goes out: an instant, and the zone the member planned it in (shown back to them). */
export interface PostSchedule {
  readonly publishAt: Date;
  readonly timeZone: string;
}

/** What a writer edits: everything but identity, status and schedule. */
export interface PostContent {
  readonly master: MasterContent;
  readonly targets: readonly PostTarget[];
  readonly contentType: ContentType;
  readonly tags: readonly string[];
  readonly campaignId: string | null;
  /** The strategy's content pillar key, e.g. 'brewing-tips'. */
  readonly pillarKey: string | null;
  /** The strategy goals this post serves. */
  readonly goalIds: readonly string[];
}

/**
 * Where a post came from when Chorus made it rather than a person (docs/adr/0028): an occurrence of a series
 * (one per series and occurrence time), or the n-th re-queue of an evergreen post (one per post and n).
 */
export type PostOrigin =
  | { readonly kind: 'series'; readonly seriesId: string; readonly occurrenceAt: Date }
  | { readonly kind: 'evergreen'; readonly sourcePostId: string; readonly requeue: number };

export interface PostProps extends PostContent {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly status: PostStatus;
  /** +1 on every change; an edit names the revision it was based on. */
  readonly revision: number;
  readonly schedule: PostSchedule | null;
  readonly origin: PostOrigin | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** One idea for many channels: a master text, a variant per channel, planned for one moment. */
export class Post {
  private events: object[] = [];

  private constructor(private props: PostProps) {}

  static createDraft(
    identity: { id: string; tenantId: string; workspaceId: string; createdBy: string },
    content: PostContent,
    now: Date,
    origin: PostOrigin | null = null,
  ): Post {
    return new Post({
      ...identity,
      ...content,
      status: 'draft',
      revision: 1,
      schedule: null,
      origin,
      createdAt: now,
      updatedAt: now,
      updatedBy: identity.createdBy,
    });
  }

  static restore(props: PostProps): Post {
    return new Post(props);
  }

  get id(): string {
    return this.props.id;
  }

  get status(): PostStatus {
    return this.props.status;
  }

  /** Replaces the content; a scheduled post stays scheduled (the caller checks it again and reschedules). */
  edit(content: PostContent, expectedRevision: number, by: string, now: Date): void {
    this.expectRevision(expectedRevision);
    this.props = {
      ...this.props,
      ...content,
      revision: this.props.revision + 1,
      updatedAt: now,
      updatedBy: by,
    };
  }

  /**
   * Puts the post on the calendar (or moves it) once every target passed validation: `targets` are rendered
   * from the content as it is now. Emits PostScheduled for every target.
   */
  schedule(schedule: PostSchedule, targets: readonly RenderedTarget[], by: string, now: Date): void {
    if (targets.length === 0) {
      throw new ContentConflictError('A post needs at least one channel to be scheduled');
    }
    this.props = {
      ...this.props,
      status: 'scheduled',
      schedule,
      revision: this.props.revision + 1,
      updatedAt: now,
      updatedBy: by,
    };
    this.events.push(new PostScheduledEvent(this.props, targets));
  }

  /** Back to draft: nothing goes out until it is scheduled again. */
  unschedule(expectedRevision: number, by: string, now: Date): void {
    this.expectRevision(expectedRevision);
    if (this.props.status !== 'scheduled') {
      throw new ContentConflictError('The post is not scheduled');
    }
    this.props = {
      ...this.props,
      status: 'draft',
      schedule: null,
      revision: this.props.revision + 1,
      updatedAt: now,
      updatedBy: by,
    };
  }

  /** A new draft with the same content and new target ids; not scheduled. */
  duplicate(ids: { id: string; targetIds: readonly string[] }, by: string, now: Date): Post {
    const p = this.props;
    return Post.createDraft(
      { id: ids.id, tenantId: p.tenantId, workspaceId: p.workspaceId, createdBy: by },
      {
        master: p.master,
        targets: p.targets.map((t, i) => ({ ...t, targetId: ids.targetIds[i]! })),
        contentType: p.contentType,
        tags: p.tags,
        campaignId: p.campaignId,
        pillarKey: p.pillarKey,
        goalIds: p.goalIds,
      },
      now,
    );
  }

  pendingEvents(): readonly object[] {
    return this.events;
  }

  clearPendingEvents(): void {
    this.events = [];
  }

  snapshot(): PostProps {
    return this.props;
  }

  private expectRevision(expected: number): void {
    if (expected !== this.props.revision) {
      throw new ContentConflictError(
        `The post is at revision ${this.props.revision}, not ${expected}: someone changed it meanwhile; reload it`,
      );
    }
  }
}

/** A post's content as a writer sends it: targets named by channel, without ids yet. */
export type PostContentInput = Omit<PostContent, 'targets'> & {
  readonly targets: readonly Omit<PostTarget, 'targetId'>[];
};

/** Gives each target an id: the one it had when its channel was already targeted, a new one otherwise. */
export function withTargetIds(
  input: PostContentInput,
  existing: readonly PostTarget[],
  newId: () => string,
): PostContent {
  const idOf = new Map(existing.map((t) => [t.channelId, t.targetId] as const));
  return {
    ...input,
    targets: input.targets.map((t) => ({ ...t, targetId: idOf.get(t.channelId) ?? newId() })),
  };
}
