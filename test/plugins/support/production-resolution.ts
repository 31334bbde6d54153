import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Packages installed under `folder` resolve their imports like in production. Without this, a published
 * package's `@chorus/source` export (its TypeScript sources) would be chosen inside the test process.
 */
export function resolveAsProduction(folder: string): void {
  register(new URL('./without-source-condition.mjs', import.meta.url), {
    data: { prefix: pathToFileURL(folder).href },
  });
}
