import type { ContentProblem } from '../content.errors.js';
import { addDays, isoWeekday, toInstant, type LocalDateTime } from '../zoned-time.value-object.js';

// The subset of RFC 5545 RRULE a post series takes (docs/adr/0028): FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL,
// BYDAY, BYMONTHDAY, COUNT, UNTIL. The time of day is the series' own (a local time in its zone), so the parts
// that set times (BYHOUR, BYMINUTE, BYSECOND) and the rarer ones (BYSETPOS, BYWEEKNO, ...) are refused by name.

export const RECURRENCE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const SUPPORTED = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL'];
const KNOWN_UNSUPPORTED = [
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
  'RSCALE',
  'SKIP',
];

export const MAX_INTERVAL = 99;
export const MAX_COUNT = 1000;

/** A weekday (1 Monday ... 7 Sunday), and in a monthly rule optionally its place in the month (1, 2, -1 last). */
export interface RuleWeekday {
  readonly weekday: number;
  readonly ordinal: number | null;
}

export interface RecurrenceRule {
  readonly freq: RecurrenceFrequency;
  readonly interval: number;
  readonly byDay: readonly RuleWeekday[];
  /** 1..31 or -31..-1 (from the end of the month). */
  readonly byMonthDay: readonly number[];
  readonly count: number | null;
  /** The last instant an occurrence may have (inclusive); a date-only UNTIL is the end of that local day. */
  readonly until: { readonly instant: string } | { readonly date: string } | null;
}

export type RuleParse = { ok: true; rule: RecurrenceRule } | { ok: false; problems: ContentProblem[] };

/**
 * Parses `FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10` (an `RRULE:` prefix is allowed). Every broken part is reported on
 * `rule.<PART>`, and nothing else is guessed: an unsupported part is named and refused.
 */
export function parseRecurrenceRule(text: string, field = 'rule'): RuleParse {
  const problems: ContentProblem[] = [];
  const at = (part: string, problem: string) => problems.push({ field: `${field}.${part}`, problem });
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body === '') {
    return { ok: false, problems: [{ field, problem: 'is empty; write e.g. FREQ=WEEKLY;BYDAY=MO,WE' }] };
  }
  const parts = new Map<string, string>();
  for (const piece of body.split(';')) {
    const match = /^([A-Za-z-]+)=(.*)$/.exec(piece.trim());
    if (match === null) {
      problems.push({ field, problem: `"${piece}" is not NAME=VALUE; parts are separated by ";"` });
      continue;
    }
    const name = match[1]!.toUpperCase();
    if (parts.has(name)) {
      at(name, 'is given twice; give each part once');
      continue;
    }
    parts.set(name, match[2]!.trim().toUpperCase());
  }
  for (const name of parts.keys()) {
    if (!SUPPORTED.includes(name)) {
      const kind = KNOWN_UNSUPPORTED.includes(name) ? 'is not supported' : 'is not an RRULE part';
      at(name, `${name} ${kind}; use only ${SUPPORTED.join(', ')} (the time of day is the series' time)`);
    }
  }

  const freqText = parts.get('FREQ');
  let freq: RecurrenceFrequency | null = null;
  if (freqText === undefined) {
    at('FREQ', `is required: one of ${RECURRENCE_FREQUENCIES.join(', ')}`);
  } else if ((RECURRENCE_FREQUENCIES as readonly string[]).includes(freqText)) {
    freq = freqText as RecurrenceFrequency;
  } else {
    at('FREQ', `${freqText} is not supported; use one of ${RECURRENCE_FREQUENCIES.join(', ')}`);
  }

  const interval = integerPart(parts.get('INTERVAL'), 1, 1, MAX_INTERVAL, (p) => at('INTERVAL', p));
  const count = parts.has('COUNT')
    ? integerPart(parts.get('COUNT'), 1, 1, MAX_COUNT, (p) => at('COUNT', p))
    : null;
  const until = untilPart(parts.get('UNTIL'), (p) => at('UNTIL', p));
  if (parts.has('COUNT') && parts.has('UNTIL')) {
    at('UNTIL', 'cannot be given with COUNT (RFC 5545); keep one of them');
  }

  const byDay: RuleWeekday[] = [];
  for (const item of listPart(parts.get('BYDAY'))) {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (match === null) {
      at('BYDAY', `"${item}" is not a weekday; use MO, TU, WE, TH, FR, SA, SU (monthly: 1MO, -1FR)`);
      continue;
    }
    const ordinal = match[1] === undefined ? null : Number(match[1]);
    if (ordinal !== null && (ordinal === 0 || Math.abs(ordinal) > 5)) {
      at('BYDAY', `"${item}": the place in the month must be 1 to 5 or -1 to -5`);
      continue;
    }
    if (ordinal !== null && freq !== null && freq !== 'MONTHLY') {
      at('BYDAY', `"${item}": a place in the month (${match[1]}) only fits FREQ=MONTHLY; write ${match[2]}`);
      continue;
    }
    byDay.push({ weekday: WEEKDAYS.indexOf(match[2] as (typeof WEEKDAYS)[number]) + 1, ordinal });
  }

  const byMonthDay: number[] = [];
  for (const item of listPart(parts.get('BYMONTHDAY'))) {
    const day = /^[+-]?\d{1,2}$/.test(item) ? Number(item) : NaN;
    if (!Number.isInteger(day) || day === 0 || Math.abs(day) > 31) {
      at('BYMONTHDAY', `"${item}" must be a day of the month, 1 to 31 or -1 (last) to -31`);
      continue;
    }
    byMonthDay.push(day);
  }
  if (freq === 'WEEKLY' && parts.has('BYMONTHDAY')) {
    at('BYMONTHDAY', 'cannot be used with FREQ=WEEKLY (RFC 5545); use FREQ=MONTHLY, or BYDAY for weekdays');
  }

  if (problems.length > 0 || freq === null) {
    return { ok: false, problems };
  }
  return { ok: true, rule: { freq, interval, byDay, byMonthDay, count, until } };
}

/** The rule written back in RFC 5545 form, parts in a fixed order. */
export function formatRecurrenceRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) {
    parts.push(`INTERVAL=${rule.interval}`);
  }
  if (rule.byDay.length > 0) {
    parts.push(
      `BYDAY=${rule.byDay.map((d) => `${d.ordinal === null ? '' : d.ordinal}${WEEKDAYS[d.weekday - 1]!}`).join(',')}`,
    );
  }
  if (rule.byMonthDay.length > 0) {
    parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  }
  if (rule.count !== null) {
    parts.push(`COUNT=${rule.count}`);
  }
  if (rule.until !== null) {
    parts.push(
      'instant' in rule.until
        ? `UNTIL=${rule.until.instant.replace(/[-:]/g, '').replace(/\.\d+/, '')}`
        : `UNTIL=${rule.until.date.replace(/-/g, '')}`,
    );
  }
  return parts.join(';');
}

/** Where a series starts: its first local date, its local time of day, and the zone both are read in. */
export interface SeriesStart {
  readonly date: string;
  readonly time: string;
  readonly timeZone: string;
}

export interface Occurrence {
  /** 1 for the first occurrence of the series, as COUNT counts. */
  readonly index: number;
  readonly local: LocalDateTime;
  readonly at: Date;
}

/** How far the rule is followed at most when it has no end (dates in the past are walked to count COUNT). */
export const MAX_SERIES_YEARS = 20;

/**
 * The occurrences from the start, in order, whose instant is in [from, to), at most `limit`. Each keeps the
 * series' local time (zoned-time's rule for times daylight saving skips or repeats, docs/adr/0016). The start
 * date counts only when it matches the rule (as most calendar apps do; RFC 5545 would add it anyway).
 */
export function occurrencesBetween(
  rule: RecurrenceRule,
  start: SeriesStart,
  from: Date,
  to: Date,
  limit = 500,
): Occurrence[] {
  const found: Occurrence[] = [];
  const untilAt =
    rule.until === null
      ? null
      : 'instant' in rule.until
        ? Date.parse(rule.until.instant)
        : toInstant(start.timeZone, { date: addDays(rule.until.date, 1), time: '00:00' }).getTime() - 1;
  const lastDate = addDays(start.date, MAX_SERIES_YEARS * 366);
  let index = 0;
  for (let date = start.date; date <= lastDate; date = addDays(date, 1)) {
    if (!matches(rule, start.date, date)) {
      continue;
    }
    const at = toInstant(start.timeZone, { date, time: start.time });
    if (untilAt !== null && at.getTime() > untilAt) {
      break;
    }
    index += 1;
    if (rule.count !== null && index > rule.count) {
      break;
    }
    if (at.getTime() >= to.getTime()) {
      break;
    }
    if (at.getTime() >= from.getTime()) {
      found.push({ index, local: { date, time: start.time }, at });
      if (found.length >= limit) {
        break;
      }
    }
  }
  return found;
}

/** Whether a local date is one of the rule's, counted from the series' first date. */
function matches(rule: RecurrenceRule, startDate: string, date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [startYear, startMonth, startDay] = startDate.split('-').map(Number) as [number, number, number];
  const weekday = isoWeekday(date);
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const monthDayFits = (wanted: number) => (wanted > 0 ? day === wanted : day === monthLength + 1 + wanted);
  switch (rule.freq) {
    case 'DAILY':
      if (daysBetween(startDate, date) % rule.interval !== 0) {
        return false;
      }
      break;
    case 'WEEKLY': {
      const weeks = daysBetween(mondayOf(startDate), mondayOf(date)) / 7;
      if (weeks % rule.interval !== 0) {
        return false;
      }
      if (rule.byDay.length === 0 && weekday !== isoWeekday(startDate)) {
        return false;
      }
      break;
    }
    case 'MONTHLY': {
      const months = (year - startYear) * 12 + (month - startMonth);
      if (months % rule.interval !== 0) {
        return false;
      }
      if (rule.byDay.length === 0 && rule.byMonthDay.length === 0 && day !== startDay) {
        return false; // the 31st: months without one are skipped (RFC 5545)
      }
      break;
    }
  }
  if (rule.byMonthDay.length > 0 && !rule.byMonthDay.some(monthDayFits)) {
    return false;
  }
  if (rule.byDay.length > 0) {
    const fromStart = Math.floor((day - 1) / 7) + 1;
    const fromEnd = -(Math.floor((monthLength - day) / 7) + 1);
    const dayFits = (d: RuleWeekday) =>
      d.weekday === weekday && (d.ordinal === null || d.ordinal === fromStart || d.ordinal === fromEnd);
    if (!rule.byDay.some(dayFits)) {
      return false;
    }
  }
  return true;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

function listPart(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((v) => v.trim());
}

function integerPart(
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
  report: (problem: string) => void,
): number {
  if (value === undefined) {
    return fallback;
  }
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    report(`"${value}" must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return n;
}

function untilPart(value: string | undefined, report: (problem: string) => void): RecurrenceRule['until'] {
  if (value === undefined) {
    return null;
  }
  const instant = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const valid = (y: string, m: string, d: string) => {
    const parsed = new Date(`${y}-${m}-${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === `${y}-${m}-${d}`;
  };
  if (instant !== null && valid(instant[1]!, instant[2]!, instant[3]!)) {
    const [, y, m, d, hh, mm, ss] = instant;
    if (Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 60) {
      return { instant: new Date(`${y}-${m}-${d}T${hh}:${mm}:${ss}Z`).toISOString() };
    }
  }
  if (date !== null && valid(date[1]!, date[2]!, date[3]!)) {
    return { date: `${date[1]}-${date[2]}-${date[3]}` };
  }
  report(`"${value}" must be a UTC time (20270331T235959Z) or a date (20270331)`);
  return null;
}
