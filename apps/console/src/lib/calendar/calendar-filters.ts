/** The calendar's filters, applied to the entries the API returned for the period shown. */
export interface CalendarFilters {
  channelId: string;
  campaignId: string;
  tag: string;
  status: string;
}

export const NO_FILTERS: CalendarFilters = { channelId: '', campaignId: '', tag: '', status: '' };

interface FilterablePost {
  readonly status: string;
  readonly tags: readonly string[];
  readonly campaignId: string | null;
  readonly targets: readonly { readonly channelId: string }[];
}

/** Whether a post passes every filter that is set (an empty filter lets everything through). */
export function passes(post: FilterablePost, filters: CalendarFilters): boolean {
  return (
    (filters.channelId === '' || post.targets.some((target) => target.channelId === filters.channelId)) &&
    (filters.campaignId === '' || post.campaignId === filters.campaignId) &&
    (filters.tag === '' || post.tags.includes(filters.tag)) &&
    (filters.status === '' || post.status === filters.status)
  );
}

/** The tags of the posts shown, sorted, each once: what the tag filter offers. */
export function tagsOf(posts: readonly FilterablePost[]): string[] {
  return [...new Set(posts.flatMap((post) => post.tags))].sort((a, b) => a.localeCompare(b));
}

/** What the week and day grid needs of a calendar entry. */
export interface GridEntry {
  readonly localDate: string;
  readonly localTime: string;
  readonly post: { readonly id: string; readonly text: string };
}

/** The hour row an entry's local time ("HH:MM") falls in. */
export function hourOf(localTime: string): number {
  return Number(localTime.slice(0, 2));
}

/**
 * The wall time a post moves to when it is dropped on a day's hour: that day and hour, keeping its minutes,
 * as a `datetime-local` value (read in the viewer's zone).
 */
export function droppedAt(day: string, hour: number, localTime: string): string {
  return `${day}T${String(hour).padStart(2, '0')}:${localTime.slice(3, 5) || '00'}`;
}
