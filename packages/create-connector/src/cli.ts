import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldConnector } from './scaffold-connector.js';

export const USAGE = `Usage: create-chorus-connector <network-id> [directory] [--name <package>] [--display-name <name>] [--force]

Creates a Chorus connector package: manifest, connector, a faithful fake of the network, the contract test
and a README. <network-id> is lowercase with dashes, like acme-social. The directory defaults to
./chorus-connector-<network-id>.`;

/** Runs the command; returns the exit code and writes to the given streams (testable without a process). */
export async function runCli(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        'display-name': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [network, directory] = parsed.positionals;
  if (parsed.values.help || !network) {
    (parsed.values.help ? out : err)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  try {
    const result = await scaffoldConnector({
      network,
      directory: resolve(directory ?? `chorus-connector-${network}`),
      packageName: parsed.values.name,
      displayName: parsed.values['display-name'],
      force: parsed.values.force,
    });
    out(`Created ${result.names.packageName} in ${result.directory}:`);
    for (const file of result.files) {
      out(`  ${file}`);
    }
    out(`\nNext: cd ${result.directory} && npm install && npm test`);
    out('Then make src/testing faithful to the real API, and declare more capabilities in src/manifest.ts.');
    return 0;
  } catch (error) {
    err((error as Error).message);
    return 1;
  }
}
