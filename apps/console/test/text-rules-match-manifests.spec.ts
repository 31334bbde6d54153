import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextLimitsSchema } from '@chorus/connector-sdk';
import { describe, expect, it } from 'vitest';
import { TEXT_RULES } from '../src/lib/composer/network-counting';

// The composer's counters read a copy of each connector manifest's post-text rules (the API serves no
// manifest yet, docs/adr/0031): every installed connector must be in the copy, with the same rules.
const PLUGINS = fileURLToPath(new URL('../../../plugins', import.meta.url));

interface Manifest {
  readonly network: string;
  readonly limits: { readonly text: unknown };
}

/** Each connector package of plugins/, found by its package.json's `chorus.role`, with its manifest. */
async function installedManifests(): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const folder of readdirSync(PLUGINS, { withFileTypes: true })) {
    if (!folder.isDirectory()) {
      continue;
    }
    const packageJson = JSON.parse(readFileSync(join(PLUGINS, folder.name, 'package.json'), 'utf8')) as {
      name: string;
      chorus?: { role?: string };
    };
    if (packageJson.chorus?.role !== 'connector') {
      continue;
    }
    // By name through a variable: the console's type check stays out of the connectors' Node-only sources.
    const exports = (await import(/* @vite-ignore */ packageJson.name)) as Record<string, unknown>;
    const manifest = Object.values(exports).find(
      (value): value is Manifest =>
        typeof value === 'object' && value !== null && 'manifestVersion' in value && 'limits' in value,
    );
    expect(manifest, `${packageJson.name} exports its manifest`).toBeDefined();
    manifests.push(manifest!);
  }
  return manifests;
}

describe("the composer's copy of the connectors' text rules", { timeout: 60_000 }, () => {
  it('holds every connector, each with the rules of its manifest', async () => {
    const manifests = await installedManifests();
    expect(manifests.length).toBeGreaterThan(0);
    expect(Object.keys(TEXT_RULES).sort()).toEqual(manifests.map((manifest) => manifest.network).sort());
    for (const manifest of manifests) {
      // Both parsed as the SDK parses a manifest (defaults filled in).
      expect(TextLimitsSchema.parse(TEXT_RULES[manifest.network]), manifest.network).toEqual(
        TextLimitsSchema.parse(manifest.limits.text),
      );
    }
  });
});
