// CSV as RFC 4180 has it (quoted fields, doubled quotes, CRLF or LF rows, a UTF-8 BOM tolerated), and the
// spreadsheet-formula guard OWASP recommends: a cell that starts with = + - @ tab or CR is written with a
// leading apostrophe, which reading removes again, so an export imports back unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;

export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim()
    ? `"${guarded.replace(/"/g, '""')}"`
    : guarded;
}

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; line: number; problem: string };

/** Rows of cells; `line` in a failure is the 1-based line where the broken row starts. */
export function parseCsv(text: string): CsvParse {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        value += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
        const next = input[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, line, problem: 'a quoted field must end at a comma or the end of the row' };
        }
      } else {
        if (c === '\n') {
          line += 1;
        }
        value += c;
      }
      continue;
    }
    if (c === '"' && value === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(unguard(value));
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') {
        i += 1;
      }
      row.push(unguard(value));
      rows.push(row);
      row = [];
      value = '';
      line += 1;
      rowLine = line;
    } else {
      value += c;
    }
  }
  if (quoted) {
    return { ok: false, line: rowLine, problem: 'a quoted field is never closed' };
  }
  if (value !== '' || row.length > 0) {
    row.push(unguard(value));
    rows.push(row);
  }
  return { ok: true, rows: rows.filter((r) => !(r.length === 1 && r[0] === '')) };
}

function unguard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
