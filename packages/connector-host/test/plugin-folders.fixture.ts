import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixturePlugin {
  readonly name: string;
  readonly packageJson?: Record<string, unknown>;
  /** The module's source; a working connector by default. */
  readonly source?: string;
}

/** A working connector as plain JavaScript, recognised by the SDK's brand alone (no SDK import needed). */
export function connectorSource(
  manifestOverrides: Record<string, unknown> = {},
  createBody = 'return connector(context);',
): string {
  const manifest = {
    manifestVersion: 1,
    network: 'fixture',
    displayName: 'Fixture',
    sdk: '^1.0.0',
    capabilities: { auth: { methods: ['token'] } },
    limits: { text: [{ counting: 'utf16', max: 10 }] },
    rateLimits: {},
    configSchema: { type: 'object', properties: { apiKey: { type: 'string' } } },
    postSettingsSchema: { type: 'object', properties: {} },
    ...manifestOverrides,
  };
  return `
const BRAND = Symbol.for('@chorus/connector-sdk/definition');
const connector = (context) => ({
  manifest: context.manifest,
  auth: { password: { login: async () => ({ accountId: 'a', accessToken: 't' }) }, verify: async () => ({ accountId: 'a', handle: 'a', displayName: null, url: null }) },
  limits: async () => context.manifest.limits,
  validate: async () => [],
  close: async () => undefined,
});
export const fixtureConnector = {
  [BRAND]: true,
  sdkVersion: '1.0.0',
  manifest: ${JSON.stringify(manifest)},
  async create(context) { ${createBody} },
};
`;
}

/** A host folder with the given packages installed under node_modules. */
export async function hostFolder(plugins: readonly FixturePlugin[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'chorus-host-'));
  await writeFile(
    join(root, 'package.json'),
    JSON.stringify({ name: 'host', private: true, type: 'module' }),
  );
  for (const plugin of plugins) {
    const folder = join(root, 'node_modules', plugin.name);
    await mkdir(folder, { recursive: true });
    const packageJson = {
      name: plugin.name,
      version: '1.2.3',
      type: 'module',
      exports: './index.js',
      chorus: { role: 'connector' },
      peerDependencies: { '@chorus/connector-sdk': '^1.0.0' },
      ...plugin.packageJson,
    };
    await writeFile(join(folder, 'package.json'), JSON.stringify(packageJson));
    await writeFile(join(folder, 'index.js'), plugin.source ?? connectorSource());
  }
  return root;
}
