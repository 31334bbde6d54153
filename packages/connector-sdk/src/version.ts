import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** This SDK's version, read from its package.json (one level above both src/ and dist/). */
export function sdkVersion(): string {
  cached ??= (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return cached;
}
