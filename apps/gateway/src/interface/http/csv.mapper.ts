/**
 * RFC 4180 CSV that a spreadsheet cannot be tricked into running: every field is quoted, quotes doubled, and a
 * field that starts like a formula (= + - @, tab, carriage return) is prefixed with a single quote (OWASP's
 * advice against CSV injection), so `=HYPERLINK(...)` in a post title stays text.
 */
export function csvField(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
