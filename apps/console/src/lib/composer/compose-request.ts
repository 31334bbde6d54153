import type { ContentPaths } from '@chorus/api-client';

export type CreatePostBody = NonNullable<
  ContentPaths['/posts']['post']['requestBody']
>['content']['application/json'];

/** A file of the library chosen for the post, with the alt text for this post. */
export interface ChosenMedia {
  mediaId: string;
  altText: string;
}

/** A file as a preview shows it. */
export interface PreviewMedia {
  readonly url: string;
  readonly altText: string;
  readonly kind: string;
}

/** What the composer holds while it is being written (kept as a draft in sessionStorage). */
export interface ComposerValues extends Record<string, unknown> {
  /** The post once saved: later saves edit it instead of making another. */
  postId: string | null;
  revision: number | null;
  text: string;
  channelIds: string[];
  /** A channel's own text; absent: the master text. */
  variants: Record<string, string>;
  media: ChosenMedia[];
  firstComment: string;
  thread: string[];
  tags: string;
  campaignId: string;
  publishAt: string;
}

export const EMPTY_COMPOSER: ComposerValues = {
  postId: null,
  revision: null,
  text: '',
  channelIds: [],
  variants: {},
  media: [],
  firstComment: '',
  thread: [],
  tags: '',
  campaignId: '',
  publishAt: '',
};

const mediaOf = (media: ChosenMedia[]) =>
  media.map((m) => ({ mediaId: m.mediaId, altText: m.altText.trim() === '' ? null : m.altText }));

/** The content API's body for the composer's values: one target per chosen channel, empty parts left out. */
export function postBodyOf(values: ComposerValues): CreatePostBody {
  return {
    text: values.text,
    media: mediaOf(values.media),
    firstComment: values.firstComment.trim() === '' ? null : values.firstComment,
    thread: values.thread.filter((part) => part.trim() !== '').map((text) => ({ text, media: [] })),
    targets: values.channelIds.map((channelId) => ({
      channelId,
      text: values.variants[channelId] ?? null,
    })),
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    campaignId: values.campaignId === '' ? null : values.campaignId,
  };
}

/** The text a channel sends: its variant, or the master text. */
export function textFor(values: ComposerValues, channelId: string): string {
  return values.variants[channelId] ?? values.text;
}

/** A `datetime-local` value (the viewer's wall time) as the instant the API takes, or null when empty. */
export function instantOf(localDateTime: string): string | null {
  if (localDateTime === '') {
    return null;
  }
  const date = new Date(localDateTime);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** Every problem of a 400 body (several can name the same field: a text over two limits). */
export function problemsOf(body: unknown): FieldProblem[] {
  const problems = (body as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(problems)) {
    return [];
  }
  return (problems as Partial<FieldProblem>[]).filter(
    (p): p is FieldProblem => typeof p?.field === 'string' && typeof p.problem === 'string',
  );
}

/**
 * Where the composer shows each problem: `targets.<n>.…` under the n-th chosen channel, the composer's own
 * fields (text, firstComment, thread.<n>.text, media.<n>.…, publishAt, tags, campaignId) under themselves, the
 * rest on top.
 */
export function placeProblems(
  problems: readonly FieldProblem[],
  channelIds: readonly string[],
): { byChannel: Record<string, string[]>; byField: Record<string, string[]>; general: string[] } {
  const byChannel: Record<string, string[]> = {};
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const { field, problem } of problems) {
    const target = /^targets\.(\d+)(?:\.|$)/.exec(field);
    const channelId = target === null ? undefined : channelIds[Number(target[1])];
    if (channelId !== undefined) {
      (byChannel[channelId] ??= []).push(problem);
      continue;
    }
    const own = /^(text|firstComment|publishAt|timeZone|tags|campaignId|targets|thread\.\d+|media\.\d+)/.exec(
      field,
    );
    if (own !== null) {
      const key = own[1] === 'timeZone' ? 'publishAt' : own[1]!;
      (byField[key] ??= []).push(problem);
      continue;
    }
    general.push(problem);
  }
  return { byChannel, byField, general };
}
