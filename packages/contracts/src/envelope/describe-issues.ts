import type { z } from 'zod';

/** Turns zod issues into one line a person can act on: `payload.scope.channelIds[0]: Invalid UUID`. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): string {
  return issues
    .map((issue) => {
      const path = formatPath([...prefix, ...issue.path]);
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') {
      return `${text}[${key}]`;
    }
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}
