import { describe, expect, it } from 'vitest';
import {
  formatRecurrenceRule,
  occurrencesBetween,
  parseRecurrenceRule,
  type RecurrenceRule,
  type SeriesStart,
} from './recurrence-rule.value-object.js';

const rule = (text: string): RecurrenceRule => {
  const parsed = parseRecurrenceRule(text);
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.problems));
  }
  return parsed.rule;
};
const problemsOf = (text: string) => {
  const parsed = parseRecurrenceRule(text);
  return parsed.ok ? [] : parsed.problems;
};
const instants = (text: string, start: SeriesStart, from: string, to: string) =>
  occurrencesBetween(rule(text), start, new Date(from), new Date(to)).map((o) => o.at.toISOString());
const localDates = (text: string, start: SeriesStart, to: string) =>
  occurrencesBetween(rule(text), start, new Date(0), new Date(to)).map((o) => o.local.date);

describe('RRULE occurrences in Europe/Rome across daylight saving (2027: 28 March and 31 October)', () => {
  const sunday9: SeriesStart = { date: '2027-03-14', time: '09:00', timeZone: 'Europe/Rome' };

  it('a weekly Sunday 09:00 stays at 09:00 local on both sides of each transition', () => {
    expect(instants('FREQ=WEEKLY;BYDAY=SU', sunday9, '2027-03-20T00:00:00Z', '2027-04-05T00:00:00Z')).toEqual(
      [
        '2027-03-21T08:00:00.000Z', // CET, +01:00
        '2027-03-28T07:00:00.000Z', // CEST, the spring-forward day
        '2027-04-04T07:00:00.000Z',
      ],
    );
    expect(instants('FREQ=WEEKLY;BYDAY=SU', sunday9, '2027-10-24T00:00:00Z', '2027-11-08T00:00:00Z')).toEqual(
      [
        '2027-10-24T07:00:00.000Z', // CEST
        '2027-10-31T08:00:00.000Z', // CET, the fall-back day
        '2027-11-07T08:00:00.000Z',
      ],
    );
  });

  it('a daily 02:30 publishes at 03:30 CEST on the spring-forward day (02:30 does not exist)', () => {
    const start: SeriesStart = { date: '2027-03-26', time: '02:30', timeZone: 'Europe/Rome' };
    expect(instants('FREQ=DAILY', start, '2027-03-26T00:00:00Z', '2027-03-30T00:00:00Z')).toEqual([
      '2027-03-26T01:30:00.000Z',
      '2027-03-27T01:30:00.000Z',
      '2027-03-28T01:30:00.000Z', // 03:30 CEST
      '2027-03-29T00:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('a daily 02:30 publishes once, at the first (CEST), on the fall-back day (02:30 happens twice)', () => {
    const start: SeriesStart = { date: '2027-10-29', time: '02:30', timeZone: 'Europe/Rome' };
    expect(instants('FREQ=DAILY', start, '2027-10-29T00:00:00Z', '2027-11-02T00:00:00Z')).toEqual([
      '2027-10-29T00:30:00.000Z',
      '2027-10-30T00:30:00.000Z',
      '2027-10-31T00:30:00.000Z', // the first 02:30, still +02:00
      '2027-11-01T01:30:00.000Z', // CET
    ]);
  });
});

describe('RRULE occurrences in Asia/Jerusalem across daylight saving (2027: Friday 26 March, 31 October)', () => {
  it('02:30 on the spring-forward Friday (02:00 -> 03:00) goes out at 03:30 IDT', () => {
    const start: SeriesStart = { date: '2027-03-25', time: '02:30', timeZone: 'Asia/Jerusalem' };
    expect(instants('FREQ=DAILY', start, '2027-03-25T00:00:00Z', '2027-03-27T00:00:00Z')).toEqual([
      '2027-03-25T00:30:00.000Z', // IST, +02:00
      '2027-03-26T00:30:00.000Z', // 03:30 IDT: 02:30 does not exist
      '2027-03-26T23:30:00.000Z', // 02:30 IDT, +03:00
    ]);
  });

  it('01:30 on the fall-back Sunday (02:00 -> 01:00) goes out once, at the first (IDT)', () => {
    const start: SeriesStart = { date: '2027-10-30', time: '01:30', timeZone: 'Asia/Jerusalem' };
    expect(instants('FREQ=DAILY', start, '2027-10-29T00:00:00Z', '2027-11-01T00:00:00Z')).toEqual([
      '2027-10-29T22:30:00.000Z',
      '2027-10-30T22:30:00.000Z', // the first 01:30, still +03:00
      '2027-10-31T23:30:00.000Z', // IST
    ]);
  });
});

describe('RRULE occurrences', () => {
  const start = (date: string): SeriesStart => ({ date, time: '10:00', timeZone: 'UTC' });

  it('weeks start on Monday: every other week on MO,SU from a Sunday start', () => {
    // The start's week is 4..10 January: its Monday is before the start, its Sunday is the first occurrence.
    expect(localDates('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU', start('2027-01-10'), '2027-02-08')).toEqual([
      '2027-01-10',
      '2027-01-18',
      '2027-01-24',
      '2027-02-01',
      '2027-02-07',
    ]);
  });

  it('leap years: the 29th and the last day take 29 February 2028 and skip none wrongly', () => {
    expect(localDates('FREQ=MONTHLY;BYMONTHDAY=29', start('2027-01-01'), '2028-04-01')).toEqual([
      '2027-01-29',
      '2027-03-29', // no 29 February 2027
      '2027-04-29',
      '2027-05-29',
      '2027-06-29',
      '2027-07-29',
      '2027-08-29',
      '2027-09-29',
      '2027-10-29',
      '2027-11-29',
      '2027-12-29',
      '2028-01-29',
      '2028-02-29',
      '2028-03-29',
    ]);
    expect(localDates('FREQ=MONTHLY;BYMONTHDAY=-1', start('2028-01-01'), '2028-04-01')).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
    // -31 is the 31st day from the end: the 1st of a 31-day month, none in shorter ones (RFC 5545: skipped).
    expect(localDates('FREQ=MONTHLY;BYMONTHDAY=-31', start('2027-01-01'), '2027-06-01')).toEqual([
      '2027-01-01',
      '2027-03-01',
      '2027-05-01',
    ]);
  });

  it('UNTIL as a date is the end of that local day even across a transition', () => {
    const rome: SeriesStart = { date: '2027-03-26', time: '23:59', timeZone: 'Europe/Rome' };
    expect(localDates('FREQ=DAILY;UNTIL=20270328', rome, '2028-01-01')).toEqual([
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
    ]);
    // A UTC UNTIL exactly at an occurrence includes it.
    const utc: SeriesStart = { date: '2027-01-01', time: '10:00', timeZone: 'UTC' };
    expect(localDates('FREQ=DAILY;UNTIL=20270103T100000Z', utc, '2028-01-01')).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('weekly on several days every other week, starting mid-week', () => {
    expect(localDates('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', start('2027-01-06'), '2027-01-31')).toEqual([
      '2027-01-07', // Thursday of the first week; its Monday is before the start
      '2027-01-18',
      '2027-01-21',
    ]);
  });

  it('weekly without BYDAY repeats the start weekday', () => {
    expect(localDates('FREQ=WEEKLY', start('2027-01-06'), '2027-01-25')).toEqual([
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
    ]);
  });

  it('monthly on the 31st skips months without one; -1 is the last day', () => {
    expect(localDates('FREQ=MONTHLY', start('2027-01-31'), '2027-06-01')).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
    expect(localDates('FREQ=MONTHLY;BYMONTHDAY=-1', start('2027-01-01'), '2027-04-01')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
  });

  it('monthly by weekday and place: the second Monday, the last Friday', () => {
    expect(localDates('FREQ=MONTHLY;BYDAY=2MO', start('2027-01-01'), '2027-04-01')).toEqual([
      '2027-01-11',
      '2027-02-08',
      '2027-03-08',
    ]);
    expect(localDates('FREQ=MONTHLY;BYDAY=-1FR', start('2027-01-01'), '2027-04-01')).toEqual([
      '2027-01-29',
      '2027-02-26',
      '2027-03-26',
    ]);
  });

  it('COUNT counts from the first occurrence even when the window starts later', () => {
    const all = occurrencesBetween(
      rule('FREQ=DAILY;COUNT=5'),
      start('2027-01-01'),
      new Date('2027-01-04T00:00:00Z'),
      new Date('2028-01-01T00:00:00Z'),
    );
    expect(all.map((o) => [o.index, o.local.date])).toEqual([
      [4, '2027-01-04'],
      [5, '2027-01-05'],
    ]);
  });

  it('UNTIL as a date includes that local day; as a UTC time, occurrences up to it', () => {
    const rome: SeriesStart = { date: '2027-01-01', time: '23:30', timeZone: 'Europe/Rome' };
    expect(localDates('FREQ=DAILY;UNTIL=20270103', rome, '2028-01-01')).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    // 23:30 in Rome on 2 January is 22:30Z: after 22:00Z, so it is left out.
    expect(localDates('FREQ=DAILY;UNTIL=20270102T220000Z', rome, '2028-01-01')).toEqual(['2027-01-01']);
  });

  it('DAILY with BYDAY is every weekday', () => {
    expect(localDates('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', start('2027-01-08'), '2027-01-13')).toEqual([
      '2027-01-08',
      '2027-01-11',
      '2027-01-12',
    ]);
  });
});

describe('RRULE parsing', () => {
  it('reads the supported parts, in any case and with an RRULE: prefix, and writes them back', () => {
    const parsed = rule('rrule:freq=monthly;interval=2;byday=1mo,-1fr;count=6');
    expect(parsed).toEqual({
      freq: 'MONTHLY',
      interval: 2,
      byDay: [
        { weekday: 1, ordinal: 1 },
        { weekday: 5, ordinal: -1 },
      ],
      byMonthDay: [],
      count: 6,
      until: null,
    });
    expect(formatRecurrenceRule(parsed)).toBe('FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,-1FR;COUNT=6');
    expect(formatRecurrenceRule(rule('FREQ=DAILY;UNTIL=20271231T225959Z'))).toBe(
      'FREQ=DAILY;UNTIL=20271231T225959Z',
    );
  });

  it('names an unsupported part and refuses it', () => {
    expect(problemsOf('FREQ=WEEKLY;BYHOUR=9')).toEqual([
      {
        field: 'rule.BYHOUR',
        problem: expect.stringContaining('is not supported') as string,
      },
    ]);
    expect(problemsOf('FREQ=YEARLY')).toEqual([
      { field: 'rule.FREQ', problem: 'YEARLY is not supported; use one of DAILY, WEEKLY, MONTHLY' },
    ]);
    expect(problemsOf('FREQ=DAILY;COLOR=RED').map((p) => p.field)).toEqual(['rule.COLOR']);
    expect(problemsOf('FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO').map((p) => p.field)).toEqual(['rule.BYSETPOS']);
  });

  it('reports every broken part at once', () => {
    expect(
      problemsOf('INTERVAL=0;BYDAY=XX;BYMONTHDAY=32;COUNT=2;UNTIL=20270231').map((p) => p.field),
    ).toEqual(['rule.FREQ', 'rule.INTERVAL', 'rule.UNTIL', 'rule.UNTIL', 'rule.BYDAY', 'rule.BYMONTHDAY']);
    expect(problemsOf('FREQ=WEEKLY;BYDAY=1MO')[0]!.problem).toContain('only fits FREQ=MONTHLY');
    expect(problemsOf('')[0]).toMatchObject({ field: 'rule' });
    expect(problemsOf('FREQ=DAILY;FREQ=WEEKLY').map((p) => p.field)).toEqual(['rule.FREQ']);
    // RFC 5545: BYMONTHDAY MUST NOT be given with FREQ=WEEKLY.
    expect(problemsOf('FREQ=WEEKLY;BYMONTHDAY=3')).toEqual([
      { field: 'rule.BYMONTHDAY', problem: expect.stringContaining('FREQ=WEEKLY') as string },
    ]);
  });
});
