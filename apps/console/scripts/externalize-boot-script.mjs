// Moves SvelteKit's inline boot script out of the built index.html into a hashed file under _app/immutable.
// The gateway's Content-Security-Policy is `default-src 'self'` (ADR 0012): an inline script would be refused,
// and loosening the policy for everyone was the worse trade (docs/adr/0020-console.md). A classic external
// script keeps `document.currentScript`, which SvelteKit's boot code uses to find its mount element.
// Usage (after `vite build`): node scripts/externalize-boot-script.mjs [build dir]
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildDir = resolve(process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', '..', 'build'));
const indexPath = join(buildDir, 'index.html');
const html = await readFile(indexPath, 'utf8');
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) {
  console.error(
    `externalize-boot-script: expected one inline script in ${indexPath}, found ${inline.length}`,
  );
  process.exit(1);
}
const [whole, code] = inline[0];
const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
const file = `_app/immutable/entry/boot.${hash}.js`;
await writeFile(join(buildDir, file), code.trim() + '\n');
await writeFile(indexPath, html.replace(whole, `<script src="/${file}"></script>`));
console.log(`externalize-boot-script: ${file}`);
