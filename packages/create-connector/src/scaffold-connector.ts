import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { namesFor, type ConnectorNames } from './names.js';

export interface ScaffoldOptions {
  readonly network: string;
  /** Where to create the package; must be empty or absent unless `force`. */
  readonly directory: string;
  readonly packageName?: string;
  readonly displayName?: string;
  /** The SDK range the package declares; this tool's own major by default (they are released together). */
  readonly sdkRange?: string;
  readonly force?: boolean;
}

export interface ScaffoldResult {
  readonly names: ConnectorNames;
  readonly directory: string;
  /** Paths relative to the directory. */
  readonly files: readonly string[];
}

export class TargetNotEmptyError extends Error {
  override readonly name = 'TargetNotEmptyError';
}

const TEMPLATE = fileURLToPath(new URL('../template/', import.meta.url));
// npm would drop or rename these if they kept their real names inside this package.
const RENAMED: Record<string, string> = { _gitignore: '.gitignore', '_package.json': 'package.json' };

/** Creates a connector package from the template: manifest, connector, faithful fake, contract test, README. */
export async function scaffoldConnector(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const names = namesFor(options.network, { packageName: options.packageName, display: options.displayName });
  const existing = await readdir(options.directory).catch(() => []);
  if (existing.length > 0 && !options.force) {
    throw new TargetNotEmptyError(
      `${options.directory} is not empty; choose another folder or pass --force.`,
    );
  }
  const replacements: [string, string][] = [
    ['__package__', names.packageName],
    ['__networkCamel__', names.camel],
    ['__Network__', names.pascal],
    ['__network__', names.network],
    ['__Display__', names.display],
    ['__sdkRange__', options.sdkRange ?? (await defaultSdkRange())],
  ];
  const fill = (text: string) =>
    replacements.reduce((result, [token, value]) => result.split(token).join(value), text);
  const files: string[] = [];
  for (const source of await listFiles(TEMPLATE)) {
    const relativePath = relative(TEMPLATE, source);
    const parts = relativePath.split(/[\\/]/u);
    parts[parts.length - 1] = RENAMED[parts[parts.length - 1]!] ?? parts[parts.length - 1]!;
    const target = join(options.directory, fill(parts.join('/')));
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, fill(await readFile(source, 'utf8')));
    files.push(relative(options.directory, target));
  }
  return { names, directory: options.directory, files: files.sort() };
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? listFiles(join(folder, entry.name)) : Promise.resolve([join(folder, entry.name)]),
    ),
  );
  return nested.flat();
}

async function defaultSdkRange(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return `^${pkg.version.split('.')[0]}.0.0`;
}
