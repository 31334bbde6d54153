import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from './csv.value-object.js';

describe('CSV', () => {
  it('round-trips quotes, commas, newlines, Hebrew and cells a spreadsheet would run as formulas', () => {
    const rows = [
      ['channel', 'text'],
      ['@acme', 'Fresh "beans", today\nand tomorrow'],
      ['x', '=HYPERLINK("http://evil")'],
      ['y', '@acme thanks! -20% קפה'],
      ['z', ' padded '],
    ];
    const text = writeCsv(rows);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`'@acme thanks! -20% קפה`);
    expect(parseCsv(text)).toEqual({ ok: true, rows });
  });

  it('reads LF or CRLF rows, a BOM and empty cells; says where a quote is left open', () => {
    expect(parseCsv('\uFEFFa,b\n1,\r\n,2\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['1', ''],
        ['', '2'],
      ],
    });
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      line: 2,
      problem: 'a quoted field is never closed',
    });
    expect(parseCsv('a\n"x"y\n')).toMatchObject({ ok: false, line: 2 });
  });
});
