import { describe, expect, it } from 'vitest';
import { escapeText, fold, writeICalendar, type CalendarEvent } from './icalendar.value-object.js';

const event: CalendarEvent = {
  uid: 'target-0197@chorus',
  start: new Date('2027-03-28T01:30:00Z'),
  durationMinutes: 15,
  summary: 'Bluesky @acme: Fresh beans, today; 50% off\\',
  description: 'Line one\nLine two',
  categories: ['launch', 'roast, dark'],
  sequence: 3,
  lastModified: new Date('2027-03-01T10:00:00.123Z'),
  url: null,
};

/** Unfolds as a reader does: CRLF followed by one space or tab disappears. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('the iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and every kind of newline in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('writes one VEVENT with DTSTART in UTC, CRLF line ends and escaped values', () => {
    const text = writeICalendar({ name: 'Acme; posts', now: new Date('2027-03-02T08:00:00Z') }, [event]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split('\r\n');
    expect(lines).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Chorus//Editorial calendar//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Acme\\; posts',
      'BEGIN:VEVENT',
      'UID:target-0197@chorus',
      'DTSTAMP:20270302T080000Z',
      'DTSTART:20270328T013000Z',
      'DURATION:PT15M',
      'SUMMARY:Bluesky @acme: Fresh beans\\, today\\; 50% off\\\\',
      'DESCRIPTION:Line one\\nLine two',
      'CATEGORIES:launch,roast\\, dark',
      'SEQUENCE:3',
      'LAST-MODIFIED:20270301T100000Z',
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('folds at 75 octets, continuation lines included, without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'שלום עולם ☕🫘 caffè '.repeat(12)}`;
    const folded = fold(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [i, part] of physical.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) {
        expect(part.startsWith(' ')).toBe(true);
      }
      // Every piece is valid UTF-8 on its own: no character was cut in two.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(unfold(folded)).toBe(line);
    expect(fold('SHORT:line')).toBe('SHORT:line');
    const exactly75 = `X:${'a'.repeat(73)}`;
    expect(fold(exactly75)).toBe(exactly75);
    expect(fold(`${exactly75}b`)).toBe(`${exactly75}\r\n b`);
  });
});
