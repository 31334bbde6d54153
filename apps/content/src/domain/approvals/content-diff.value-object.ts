import type { PostContent } from '../post.aggregate.js';
import type { MediaRef, ThreadItem } from '../post-content.value-object.js';

export interface DiffLine {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** One field that differs between two versions, with a line diff of its text. */
export interface FieldDiff {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly lines: readonly DiffLine[];
}

/**
 * A version's content as named fields of text (`text`, `thread.0.text`, `targets.<channelId>.text`, `tags`, ...),
 * so that what a reviewer reads as one thing is compared as one thing. A target is named by its channel: its
 * variant fields appear only where it overrides the master.
 */
export function contentFields(content: PostContent): Map<string, string> {
  const fields = new Map<string, string>();
  const put = (field: string, value: string | null) => {
    if (value !== null && value !== '') {
      fields.set(field, value);
    }
  };
  put('text', content.master.text);
  put('media', mediaLines(content.master.media));
  put('firstComment', content.master.firstComment);
  threadFields(content.master.thread, 'thread', put);
  for (const target of content.targets) {
    const at = `targets.${target.channelId}`;
    fields.set(`${at}.channel`, 'targeted');
    put(`${at}.text`, target.text);
    put(`${at}.media`, target.media === null ? null : mediaLines(target.media) || '(no media)');
    put(`${at}.firstComment`, target.firstComment);
    if (target.thread !== null) {
      threadFields(target.thread, `${at}.thread`, put);
    }
    put(`${at}.settings`, Object.keys(target.settings).length === 0 ? null : stableJson(target.settings));
  }
  put('contentType', content.contentType);
  put('tags', content.tags.join('\n'));
  put('campaignId', content.campaignId);
  put('pillarKey', content.pillarKey);
  put('goalIds', content.goalIds.join('\n'));
  return fields;
}

/** Every field that differs, in the order of the newer version's fields then the removed ones. */
export function diffContent(before: PostContent, after: PostContent): FieldDiff[] {
  const a = contentFields(before);
  const b = contentFields(after);
  const names = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return names
    .filter((name) => a.get(name) !== b.get(name))
    .map((name) => {
      const was = a.get(name) ?? null;
      const now = b.get(name) ?? null;
      return { field: name, before: was, after: now, lines: diffLines(was ?? '', now ?? '') };
    });
}

/** A line diff by longest common subsequence: enough for posts, which are short. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      lines.push({ op: 'added', text: b[j]! });
      j++;
    } else {
      lines.push({ op: 'removed', text: a[i]! });
      i++;
    }
  }
  return lines;
}

function threadFields(
  thread: readonly ThreadItem[],
  at: string,
  put: (f: string, v: string | null) => void,
): void {
  thread.forEach((item, i) => {
    put(`${at}.${i}.text`, item.text);
    put(`${at}.${i}.media`, mediaLines(item.media));
  });
}

function mediaLines(media: readonly MediaRef[]): string {
  return media
    .map((m) => `${m.kind} ${m.mediaId}${m.altText === null ? '' : ` alt: ${m.altText}`}`)
    .join('\n');
}

function stableJson(value: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y))));
}
