import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidConfigError } from '@chorus/service-kit';
import { startConnectorHost } from '../src/config/connectors-file.js';

// CHORUS_CONNECTORS_FILE: the connectors `chorus start` and `chorus serve community` load for the webhook intake.

const repositoryRoot = resolve(import.meta.dirname, '../../..');
// The plugins' TypeScript sources: the test needs no build.
const SOURCES = ['@chorus/source', 'import', 'default'];
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'chorus-connectors-file-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

describe('CHORUS_CONNECTORS_FILE', () => {
  it('loads the listed connector with its options, ready to verify webhooks', async () => {
    const path = await fileWith(
      'ok.json',
      JSON.stringify({
        connectors: [
          {
            resolve: '@chorus/connector-mastodon',
            options: { webhooks: [{ instanceUrl: 'https://example.social', secret: 's3cret' }] },
          },
        ],
      }),
    );
    const host = await startConnectorHost(path, repositoryRoot, SOURCES);
    try {
      expect(host.refused).toEqual([]);
      expect(host.connector('mastodon').inbox?.webhook).toBeDefined();
    } finally {
      await host.close();
    }
  });

  it('refuses a missing file, a file that is not JSON, and a misnamed field, naming it and never a value', async () => {
    await expect(startConnectorHost(join(folder, 'absent.json'), repositoryRoot)).rejects.toThrow(
      /CHORUS_CONNECTORS_FILE: cannot read .*ENOENT/u,
    );
    await expect(startConnectorHost(await fileWith('bad.json', '{'), repositoryRoot)).rejects.toThrow(
      /is not valid JSON/u,
    );
    const misnamed = await fileWith(
      'misnamed.json',
      JSON.stringify({
        connectors: [{ package: '@chorus/connector-mastodon', options: { secret: 'leak-me' } }],
      }),
    );
    const error = await startConnectorHost(misnamed, repositoryRoot).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as Error).message).toMatch(/connectors\.0/u);
    expect((error as Error).message).not.toContain('leak-me');
  });
});
