import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv.mapper.js';

describe('CSV export', () => {
  it('quotes every field and doubles quotes', () => {
    expect(csvRow(['a', 'say "hi"', 'x,y', 'two\nlines'])).toBe('"a","say ""hi""","x,y","two\nlines"\r\n');
  });

  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://evil","x")'])(
    'neutralises a formula-looking field: %j',
    (value) => {
      const field = csvField(value);
      expect(field.startsWith(`"'`)).toBe(true);
    },
  );

  it('keeps ordinary values, empties nulls and writes objects as JSON', () => {
    expect(csvField('member.signed-in')).toBe('"member.signed-in"');
    expect(csvField(null)).toBe('""');
    expect(csvField({ before: ['admin'] })).toBe('"{""before"":[""admin""]}"');
  });
});
