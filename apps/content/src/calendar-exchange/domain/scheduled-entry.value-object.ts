import type { ContentChannel } from '../../domain/content-channel.entity.js';
import type { PostProps } from '../../domain/post.aggregate.js';
import { resolveTarget } from '../../domain/post-content.value-object.js';
import { channelLabel } from '../../domain/target-channels.value-object.js';
import { toLocal } from '../../domain/zoned-time.value-object.js';
import type { CalendarEvent } from './icalendar.value-object.js';
import { IMPORT_COLUMNS, EXPORT_ONLY_COLUMNS, LIST_SEPARATOR } from './post-csv-row.value-object.js';

/** One scheduled target: the post, which of its targets, and that target's channel (null if unknown). */
export interface ScheduledEntry {
  readonly post: PostProps;
  readonly targetIndex: number;
  readonly channel: ContentChannel | null;
}

export function scheduledEntries(
  posts: readonly PostProps[],
  channels: readonly ContentChannel[],
): ScheduledEntry[] {
  const byId = new Map(channels.map((c) => [c.channelId, c] as const));
  return posts
    .filter((p) => p.schedule !== null)
    .flatMap((post) =>
      post.targets.map((t, targetIndex) => ({ post, targetIndex, channel: byId.get(t.channelId) ?? null })),
    );
}

/** The CSV an export writes: the import's columns first (so it imports back), then columns for people. */
export function exportCsvRows(entries: readonly ScheduledEntry[]): string[][] {
  const header = [...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS];
  return [
    header,
    ...entries.map(({ post, targetIndex, channel }) => {
      const target = resolveTarget(post.master, post.targets[targetIndex]!);
      const schedule = post.schedule!;
      const local = toLocal(schedule.timeZone, schedule.publishAt);
      const byColumn: Record<(typeof header)[number], string> = {
        channel: channel?.handle ?? target.channelId,
        date: local.date,
        time: local.time,
        timeZone: schedule.timeZone,
        text: target.text,
        firstComment: target.firstComment ?? '',
        contentType: post.contentType,
        tags: post.tags.join(LIST_SEPARATOR),
        mediaIds: target.media.map((m) => m.mediaId).join(LIST_SEPARATOR),
        postId: post.id,
        targetId: target.targetId,
        network: channel?.network ?? '',
        status: post.status,
        publishAtUtc: schedule.publishAt.toISOString(),
        revision: String(post.revision),
      };
      return header.map((column) => byColumn[column]);
    }),
  ];
}

const SUMMARY_CHARS = 60;

/** A VEVENT per scheduled target; its UID is the target id, which edits and reschedules keep. */
export function calendarEvents(entries: readonly ScheduledEntry[]): CalendarEvent[] {
  return entries.map(({ post, targetIndex, channel }) => {
    const target = resolveTarget(post.master, post.targets[targetIndex]!);
    const firstLine = target.text.split(/\r?\n/)[0]!.trim();
    const short =
      [...firstLine].length > SUMMARY_CHARS
        ? `${[...firstLine].slice(0, SUMMARY_CHARS - 1).join('')}…`
        : firstLine;
    const where = channel === null ? `channel ${target.channelId}` : channelLabel(channel);
    return {
      uid: `${target.targetId}@content.chorus`,
      start: post.schedule!.publishAt,
      durationMinutes: 15,
      summary: `${where}: ${short === '' ? `(${post.contentType})` : short}`,
      description: [
        target.text,
        ...(target.firstComment === null ? [] : ['', `First comment: ${target.firstComment}`]),
        ...(target.media.length === 0 ? [] : ['', `Media: ${target.media.length}`]),
        '',
        `Planned in ${post.schedule!.timeZone}. Post ${post.id}, revision ${post.revision}.`,
      ].join('\n'),
      categories: post.tags,
      sequence: post.revision,
      lastModified: post.updatedAt,
      url: null,
    };
  });
}
