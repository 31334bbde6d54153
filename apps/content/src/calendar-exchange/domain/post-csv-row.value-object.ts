import type { ContentChannel } from '../../domain/content-channel.entity.js';
import type { ContentProblem } from '../../domain/content.errors.js';
import { CONTENT_TYPES, type ContentType } from '../../domain/post-content.value-object.js';
import { isKnownTimeZone } from '../../domain/time-zone.value-object.js';
import { toInstant } from '../../domain/zoned-time.value-object.js';

/** What a CSV row of an import says: one post on one channel, at a local time in a zone. */
export interface PostCsvRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  readonly channelId: string;
  readonly publishAt: Date;
  readonly timeZone: string;
  readonly text: string;
  readonly firstComment: string | null;
  readonly contentType: ContentType;
  readonly tags: string[];
  readonly mediaIds: string[];
}

/** The columns an import reads; `channel`, `date`, `time` and `timeZone` are required. */
export const IMPORT_COLUMNS = [
  'channel',
  'date',
  'time',
  'timeZone',
  'text',
  'firstComment',
  'contentType',
  'tags',
  'mediaIds',
] as const;
/** Columns an export adds for people; an import of an export ignores them. */
export const EXPORT_ONLY_COLUMNS = [
  'postId',
  'targetId',
  'network',
  'status',
  'publishAtUtc',
  'revision',
] as const;
const REQUIRED = ['channel', 'date', 'time', 'timeZone'] as const;
/** Tags and media ids in one cell. */
export const LIST_SEPARATOR = '|';

export type HeaderCheck =
  { ok: true; index: Map<string, number> } | { ok: false; problems: ContentProblem[] };

export function checkHeader(header: readonly string[]): HeaderCheck {
  const index = new Map<string, number>();
  const problems: ContentProblem[] = [];
  const known = new Map(
    [...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS].map((c) => [c.toLowerCase(), c] as const),
  );
  header.forEach((raw, i) => {
    const name = known.get(raw.trim().toLowerCase());
    if (name === undefined) {
      problems.push({
        field: `rows.1.${raw}`,
        problem: `unknown column "${raw}"; the columns are ${IMPORT_COLUMNS.join(', ')}`,
      });
    } else if (index.has(name)) {
      problems.push({ field: `rows.1.${name}`, problem: `the column ${name} appears twice` });
    } else {
      index.set(name, i);
    }
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) {
      problems.push({ field: `rows.1.${column}`, problem: `the header has no ${column} column` });
    }
  }
  return problems.length === 0 ? { ok: true, index } : { ok: false, problems };
}

/**
 * One row's own facts: the channel (an id, or a handle, of this workspace), the local date and time in a known
 * zone (daylight saving's gaps and repeats resolved as the calendar does, ADR 0016), a known content type.
 * What the network and the brand say about the text comes later, from the same checks as scheduling.
 */
export function readRow(
  cells: readonly string[],
  row: number,
  index: ReadonlyMap<string, number>,
  channels: readonly ContentChannel[],
): { ok: true; value: PostCsvRow } | { ok: false; problems: ContentProblem[] } {
  const get = (column: string) => {
    const at = index.get(column);
    return at === undefined ? '' : (cells[at] ?? '');
  };
  const problems: ContentProblem[] = [];
  const fail = (column: string, problem: string) =>
    problems.push({ field: `rows.${row}.${column}`, problem });

  const channelCell = get('channel').trim();
  let channelId: string | null = null;
  if (channelCell === '') {
    fail('channel', 'name the channel: its id or its handle (see GET /channels)');
  } else {
    const handle = channelCell.replace(/^@/, '').toLowerCase();
    const matches = channels.filter(
      (c) => c.channelId === channelCell.toLowerCase() || c.handle.replace(/^@/, '').toLowerCase() === handle,
    );
    if (matches.length === 1) {
      channelId = matches[0]!.channelId;
    } else if (matches.length === 0) {
      fail('channel', `no channel "${channelCell}" in this workspace (see GET /channels)`);
    } else {
      fail('channel', `"${channelCell}" is the handle of ${matches.length} channels; use the channel id`);
    }
  }

  const date = get('date').trim();
  const time = get('time').trim();
  const timeZone = get('timeZone').trim();
  const dateOk =
    /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!dateOk) {
    fail('date', `"${date}" is not a date; write YYYY-MM-DD, e.g. 2027-03-28`);
  }
  const timeOk = /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
  if (!timeOk) {
    fail('time', `"${time}" is not a time; write HH:mm on a 24-hour clock, e.g. 09:30`);
  }
  const zoneOk = isKnownTimeZone(timeZone);
  if (!zoneOk) {
    fail('timeZone', `unknown time zone "${timeZone}"; use an IANA name such as Europe/Rome`);
  }

  const typeCell = get('contentType').trim();
  const mediaIds = splitList(get('mediaIds'), /[|\s]+/);
  const contentType = (typeCell === '' ? (mediaIds.length > 0 ? 'image' : 'text') : typeCell) as ContentType;
  if (!CONTENT_TYPES.includes(contentType)) {
    fail('contentType', `"${typeCell}" is not a content type; use one of ${CONTENT_TYPES.join(', ')}`);
  }
  for (const id of mediaIds) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      fail('mediaIds', `"${id}" is not a media id; separate ids with ${LIST_SEPARATOR}`);
    }
  }
  const tags = splitList(get('tags'), /\|/);
  if (tags.some((t) => t.length > 100) || tags.length > 30) {
    fail('tags', 'up to 30 tags of up to 100 characters each');
  }
  if (problems.length > 0 || channelId === null) {
    return { ok: false, problems };
  }
  const firstComment = get('firstComment');
  return {
    ok: true,
    value: {
      row,
      channelId,
      publishAt: toInstant(timeZone, { date, time }),
      timeZone,
      text: get('text'),
      firstComment: firstComment.trim() === '' ? null : firstComment,
      contentType,
      tags,
      mediaIds: mediaIds.map((id) => id.toLowerCase()),
    },
  };
}

function splitList(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
