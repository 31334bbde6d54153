import { join } from 'node:path';
import type { ChorusPackageJson } from './package-json.js';

/**
 * The file a package's "." export points to under the given conditions, in the package's own order (as Node
 * resolves conditional exports). The host passes `@chorus/source` in development to load TypeScript sources.
 */
export function resolveEntry(
  folder: string,
  pkg: ChorusPackageJson,
  conditions: readonly string[],
): string | undefined {
  if (pkg.exports === undefined) {
    return join(folder, pkg.main ?? 'index.js');
  }
  const exported = rootExport(pkg.exports);
  const target = exported === undefined ? undefined : pick(exported, conditions);
  return target === undefined ? undefined : join(folder, target);
}

function rootExport(exports: unknown): unknown {
  if (typeof exports === 'string') {
    return exports;
  }
  if (exports && typeof exports === 'object' && '.' in exports) {
    return (exports as Record<string, unknown>)['.'];
  }
  // An object without "." keys is a conditions object for the root.
  const keys = Object.keys(exports as object);
  return keys.some((key) => key.startsWith('.')) ? undefined : exports;
}

function pick(target: unknown, conditions: readonly string[]): string | undefined {
  if (typeof target === 'string') {
    return target;
  }
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = pick(item, conditions);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (condition === 'default' || conditions.includes(condition)) {
        const found = pick(value, conditions);
        if (found) {
          return found;
        }
      }
    }
  }
  return undefined;
}
