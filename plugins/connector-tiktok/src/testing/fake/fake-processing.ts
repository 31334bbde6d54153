import type { TikTokFakeConfig } from './fake-routing.js';
import { nextId, type PublishJob, type TikTokFakeState } from './fake-state.js';
import type { FakeWebhooks } from './fake-webhooks.js';

const MB = 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/webp']);
const VIDEO_TYPES = new Set(['video/mp4', 'video/quicktime', 'video/webm']);

/**
 * The asynchronous side of a publish (network-apis.md 7.2): once the file is whole, a job processes for a few
 * status polls or a little time, then fails with a reason, lands in the creator's inbox, or is published.
 * A public post's id appears only after moderation; a private post's never does.
 */
export class FakeProcessing {
  failNext: string | undefined;
  // Create times are distinct, so that the video list's time cursor never splits two posts.
  private lastCreatedAt = 0;

  constructor(
    private readonly state: TikTokFakeState,
    private readonly config: TikTokFakeConfig,
    private readonly webhooks: FakeWebhooks,
    private readonly now: () => number,
  ) {}

  /** Brings every job of a user up to date (before a status read or a video list). */
  advanceAll(openId: string): void {
    for (const job of this.state.jobs.values()) {
      if (job.openId === openId) {
        this.advance(job);
      }
    }
  }

  advance(job: PublishJob, polled = false): void {
    const now = this.now();
    if (job.status === 'PUBLISH_COMPLETE') {
      this.revealPublicId(job, now);
      return;
    }
    if (job.status !== 'PROCESSING_UPLOAD' && job.status !== 'PROCESSING_DOWNLOAD') {
      return;
    }
    if (job.readyAt === null) {
      return; // the upload is not complete: nothing to process
    }
    if (polled) {
      job.pollsWhileReady += 1;
    }
    const due =
      job.pollsWhileReady > this.config.processingPolls || now - job.readyAt >= this.config.processingMs;
    if (!due) {
      return;
    }
    const reason = this.failNext ?? this.check(job);
    this.failNext = undefined;
    if (reason) {
      job.status = 'FAILED';
      job.failReason = reason;
      this.webhooks.emit('post.publish.failed', job.openId, { publish_id: job.publishId, reason });
      return;
    }
    if (job.mode === 'inbox') {
      job.status = 'SEND_TO_USER_INBOX';
      this.webhooks.emit('post.publish.inbox_delivered', job.openId, { publish_id: job.publishId });
      return;
    }
    this.publish(job, now);
  }

  private publish(job: PublishJob, now: number): void {
    const info = job.postInfo;
    const text = (key: string) => (typeof info[key] === 'string' ? info[key] : '');
    this.lastCreatedAt = Math.max(now, this.lastCreatedAt + 1);
    const post = {
      id: nextId(),
      openId: job.openId,
      publishId: job.publishId,
      kind: job.kind,
      title: text('title'),
      description: job.kind === 'photo' ? text('description') : text('title'),
      privacyLevel: job.privacyLevel ?? 'SELF_ONLY',
      imageCount: job.kind === 'photo' ? job.urls.length : 0,
      createdAt: this.lastCreatedAt,
      settings: info,
      views: 0,
      likes: 0,
      shares: 0,
      comments: [],
    };
    this.state.posts.set(post.id, post);
    this.state.published.push(post);
    job.status = 'PUBLISH_COMPLETE';
    job.postId = post.id;
    if (post.privacyLevel !== 'SELF_ONLY') {
      job.publicAt = now + this.config.moderationMs;
    }
    this.webhooks.emit('post.publish.complete', job.openId, { publish_id: job.publishId });
    this.revealPublicId(job, now);
  }

  private revealPublicId(job: PublishJob, now: number): void {
    if (job.publicAt !== undefined && !job.visible && now >= job.publicAt) {
      job.visible = true;
      this.webhooks.emit('post.publish.publicly_available', job.openId, {
        publish_id: job.publishId,
        post_id: job.postId,
      });
    }
  }

  /** What TikTok's checks of the media find wrong (a fail_reason), if anything. */
  private check(job: PublishJob): string | undefined {
    const creator = this.state.users.get(job.openId);
    if (job.kind === 'photo') {
      for (const url of job.urls) {
        const meta = this.state.hosted.get(url);
        if (!meta) {
          return 'photo_pull_failed';
        }
        if (!PHOTO_TYPES.has(meta.type)) {
          return 'file_format_check_failed';
        }
        if (meta.sizeBytes > 20 * MB || Math.min(meta.width, meta.height) > 1080) {
          return 'picture_size_check_failed';
        }
      }
      return undefined;
    }
    if (job.source === 'FILE_UPLOAD') {
      return job.upload?.mimeType && VIDEO_TYPES.has(job.upload.mimeType)
        ? undefined
        : 'file_format_check_failed';
    }
    const meta = this.state.hosted.get(job.urls[0] ?? '');
    if (!meta) {
      return 'video_pull_failed';
    }
    if (!VIDEO_TYPES.has(meta.type)) {
      return 'file_format_check_failed';
    }
    const max = creator?.maxVideoPostDurationSec ?? 600;
    if (meta.durationSeconds !== undefined && (meta.durationSeconds > max || meta.durationSeconds < 3)) {
      return 'duration_check_failed';
    }
    return undefined;
  }
}

/** The public post id a status shows: only once moderation made a public post visible. */
export const visiblePostId = (job: PublishJob): string | undefined => (job.visible ? job.postId : undefined);
