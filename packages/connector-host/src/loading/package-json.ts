import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ChorusPackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly exports?: unknown;
  readonly main?: string;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly chorus?: { readonly role?: string; readonly network?: string };
}

export async function readPackageJson(folder: string): Promise<ChorusPackageJson> {
  return JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as ChorusPackageJson;
}

export function isConnectorPackage(pkg: ChorusPackageJson): boolean {
  return pkg.chorus?.role === 'connector';
}
