// An iCalendar (RFC 5545) writer for the editorial calendar: one VEVENT per scheduled target. Calendar apps
// are strict about three things done here by the book: CRLF line ends, lines folded at 75 octets (never inside
// a UTF-8 character), and TEXT values with backslash, semicolon, comma and newlines escaped.

export interface CalendarEvent {
  /** Stable across exports and edits, so a subscribed calendar updates the event instead of adding one. */
  readonly uid: string;
  readonly start: Date;
  readonly durationMinutes: number;
  readonly summary: string;
  readonly description: string;
  readonly categories: readonly string[];
  /** Grows on every change of the post (its revision): calendar apps take the higher one. */
  readonly sequence: number;
  readonly lastModified: Date;
  readonly url: string | null;
}

export interface CalendarHeader {
  readonly name: string;
  /** Stamped on every event (DTSTAMP): when this copy was produced. */
  readonly now: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

export function writeICalendar(header: CalendarHeader, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Chorus//Editorial calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(header.name)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${utc(header.now)}`,
      `DTSTART:${utc(event.start)}`,
      `DURATION:PT${event.durationMinutes}M`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      ...(event.categories.length === 0 ? [] : [`CATEGORIES:${event.categories.map(escapeText).join(',')}`]),
      ...(event.url === null ? [] : [`URL:${event.url}`]),
      `SEQUENCE:${event.sequence}`,
      `LAST-MODIFIED:${utc(event.lastModified)}`,
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

/** RFC 5545 3.3.11: `\` `;` `,` escaped with a backslash, any newline as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** `20270328T013000Z`: DTSTART in UTC (form 2), so no VTIMEZONE is needed. */
export function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * RFC 5545 3.1: a line longer than 75 octets continues on the next line after CRLF and one space (the space
 * counts in the 75). Splits fall between characters, never inside a UTF-8 sequence.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const room = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
