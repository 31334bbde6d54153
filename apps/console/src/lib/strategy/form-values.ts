/** A textarea's "one per line" as the list the API takes: trimmed, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A list as the textarea shows it. */
export function textOf(list: readonly string[]): string {
  return list.join('\n');
}

/** A number field's value as the API takes it: empty means null. */
export function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The problem the API names for a field or anything inside it: `differentiators` also shows the problem of
 * `differentiators.3`, so that a list field carries the problem of its refused line.
 */
export function problemAt(fields: Readonly<Record<string, string>>, path: string): string | undefined {
  if (fields[path] !== undefined) {
    return fields[path];
  }
  const inside = Object.keys(fields).find((field) => field.startsWith(`${path}.`));
  return inside === undefined ? undefined : fields[inside];
}

/**
 * The problems no field of the form shows (a path under none of `shown`), as one line for the form's message:
 * a refusal never goes unseen because the form has no field for it (`subTargets.0.key`).
 */
export function otherProblems(
  fields: Readonly<Record<string, string>>,
  shown: readonly string[],
): string | null {
  const lines = Object.entries(fields)
    .filter(([path]) => !shown.some((field) => path === field || path.startsWith(`${field}.`)))
    .map(([path, message]) => `${path}: ${message}`);
  return lines.length === 0 ? null : lines.join('; ');
}

/**
 * Field problems of a list sent without its blank lines (`channels.1.network`), renumbered to the lines the
 * form shows (`channels.2.network` when line 2 of the form was the second one sent).
 */
export function renumbered(
  fields: Readonly<Record<string, string>>,
  list: string,
  formIndexes: readonly number[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const [head, index, ...rest] = path.split('.');
    const formIndex = head === list && index !== undefined ? formIndexes[Number(index)] : undefined;
    result[formIndex === undefined ? path : [list, String(formIndex), ...rest].join('.')] = message;
  }
  return result;
}
