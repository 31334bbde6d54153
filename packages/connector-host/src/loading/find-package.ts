import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * The folder of a package: a path (absolute, or relative to the root) is taken as is; a name is looked up in
 * node_modules from the root upwards, as Node does.
 */
export async function findPackageFolder(specifier: string, root: string): Promise<string | undefined> {
  if (isAbsolute(specifier) || specifier.startsWith('.')) {
    const folder = isAbsolute(specifier) ? specifier : resolve(root, specifier);
    return (await isFile(join(folder, 'package.json'))) ? folder : undefined;
  }
  for (let folder = resolve(root); ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', specifier);
    if (await isFile(join(candidate, 'package.json'))) {
      return candidate;
    }
    if (dirname(folder) === folder) {
      return undefined;
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
