// The benchmark runs the workspaces' dist (plain Node): build any whose sources are newer than its dist.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ensureBuilt(repoRoot, folders) {
  for (const folder of folders) {
    const dir = join(repoRoot, folder);
    const output = join(dir, 'dist', 'index.js');
    if (existsSync(output) && newestSource(join(dir, 'src')) <= statSync(output).mtimeMs) {
      continue;
    }
    process.stderr.write(`building ${folder}...\n`);
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
}

function newestSource(dir) {
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
