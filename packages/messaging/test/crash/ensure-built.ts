import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Child processes run the packages' dist (plain Node has no TypeScript transform). CI builds before testing;
 * locally, a package whose sources are newer than its dist is built here.
 */
export function ensureBuilt(repoRoot: string, packages: readonly string[]): void {
  for (const name of packages) {
    const dir = join(repoRoot, 'packages', name);
    const output = join(dir, 'dist', 'index.js');
    if (existsSync(output) && newestSource(join(dir, 'src')) <= statSync(output).mtimeMs) {
      continue;
    }
    execFileSync(
      process.execPath,
      [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.build.json')],
      {
        stdio: 'inherit',
      },
    );
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}
