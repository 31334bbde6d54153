import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The console's static build, when one exists (the console is built separately and may be absent). */
export function consoleBuildDir(configured: string | undefined): string | null {
  const candidates =
    configured === undefined
      ? [fileURLToPath(new URL('../../../console/build', import.meta.url))]
      : [configured];
  return candidates.find((dir) => existsSync(`${dir}/index.html`)) ?? null;
}
