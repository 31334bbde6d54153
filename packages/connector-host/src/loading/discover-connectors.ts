import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isConnectorPackage, readPackageJson } from './package-json.js';

/** Folders of installed packages under root/node_modules whose package.json says `"chorus": { "role": "connector" }`. */
export async function discoverConnectorPackages(root: string): Promise<string[]> {
  const modules = join(root, 'node_modules');
  const found: string[] = [];
  for (const entry of await list(modules)) {
    if (entry.startsWith('.')) {
      continue;
    }
    const folders = entry.startsWith('@')
      ? (await list(join(modules, entry))).map((name) => join(modules, entry, name))
      : [join(modules, entry)];
    for (const folder of folders) {
      const pkg = await readPackageJson(folder).catch(() => undefined);
      if (pkg && isConnectorPackage(pkg)) {
        found.push(folder);
      }
    }
  }
  return found.sort();
}

async function list(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}
