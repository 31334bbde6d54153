// Local wall-clock times <-> instants in an IANA zone, with the runtime's time-zone database (Intl: Node 20
// ships full ICU and its tzdata; no library needed, docs/adr/0016).
//
// The rule Chorus applies when a local time does not map to exactly one instant (docs/adr/0016) is the one of
// Temporal's `disambiguation: 'compatible'` and of RFC 5545 (iCalendar):
// - a time that does not exist (skipped by a spring-forward) moves forward by the length of the gap:
//   02:30 on the day Europe/Rome springs forward is published at 03:30 CEST;
// - a time that happens twice (repeated by a fall-back) is the first of the two, still on summer time:
//   01:30 on the day Asia/Jerusalem falls back is published at 01:30 IDT (+03:00), not an hour later.

export interface LocalDateTime {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:mm */
  readonly time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** The zone's offset from UTC at an instant, in minutes (Europe/Rome in summer: +120). */
export function offsetMinutesAt(zone: string, instant: Date): number {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The wall-clock date and time of an instant in a zone. */
export function toLocal(zone: string, instant: Date): LocalDateTime {
  const shifted = new Date(instant.getTime() + offsetMinutesAt(zone, instant) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

function wallClockAsUtc(local: LocalDateTime): number {
  const [year, month, day] = local.date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = local.time.split(':').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** The instant of a wall-clock time in a zone, by the rule above. */
export function toInstant(zone: string, local: LocalDateTime): Date {
  const wall = wallClockAsUtc(local);
  // The offsets in force a day either side bracket any transition near this time (zones change at most once
  // a day). The earlier offset is the one before a transition.
  const before = offsetMinutesAt(zone, new Date(wall - 86_400_000));
  const after = offsetMinutesAt(zone, new Date(wall + 86_400_000));
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => {
      const back = toLocal(zone, new Date(instant));
      return back.date === local.date && back.time === local.time;
    })
    .sort((x, y) => x - y);
  if (candidates.length > 0) {
    return new Date(candidates[0]!); // one instant, or the first of two (fall-back)
  }
  // Skipped by a spring-forward: read the wall time with the offset before the gap, which lands after it.
  return new Date(wall - before * 60_000);
}

/** ISO weekday of a local date: 1 Monday ... 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The local date `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
