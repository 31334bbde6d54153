import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleManifest } from '../testing/example-manifest.fixture.js';
import { manifestJsonSchema } from './manifest-json-schema.js';
import { describeManifestProblems, parseManifest } from './parse-manifest.js';

describe('parseManifest', () => {
  it('accepts a valid manifest and fills defaults', () => {
    const parsed = parseManifest(exampleManifest());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) {
      return;
    }
    expect(parsed.manifest.capabilities.auth.pkce).toBe(false);
    expect(parsed.manifest.limits.media?.mixedKinds).toBe(false);
    expect(parsed.manifest.rateLimits.endpoints[0]?.scope).toBe('account');
  });

  it('names each problem by its path', () => {
    const parsed = parseManifest({ ...exampleManifest(), network: 'Not A Network', displayName: '' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) {
      return;
    }
    const summary = describeManifestProblems(parsed.problems);
    expect(summary).toContain('network:');
    expect(summary).toContain('displayName:');
  });

  it('refuses a declared content kind without its limits', () => {
    const manifest = exampleManifest();
    const parsed = parseManifest({
      ...manifest,
      capabilities: {
        ...manifest.capabilities,
        publish: { kinds: ['text', 'video'], idempotency: { kind: 'none' } },
      },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) {
      return;
    }
    expect(parsed.problems).toContainEqual(expect.objectContaining({ path: 'limits.media.video' }));
  });

  it('refuses weighted counting without weights, and unknown fields', () => {
    const manifest = exampleManifest();
    const parsed = parseManifest({
      ...manifest,
      limits: { text: [{ counting: 'weighted', max: 280 }] },
      extra: 1,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) {
      return;
    }
    const paths = parsed.problems.map((problem) => problem.path);
    expect(paths).toContain('limits.text.0.weights');
    expect(paths).toContain('');
  });
});

describe('manifest JSON Schema', () => {
  it('matches the committed schemas/manifest.schema.json (run `npm run generate` when it does not)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('../../schemas/manifest.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(manifestJsonSchema());
  });

  it('marks secret configuration fields for the console and the logs', () => {
    const config = exampleManifest().configSchema as { properties: Record<string, Record<string, unknown>> };
    expect(config.properties.apiKey).toMatchObject({ 'x-chorus-secret': true, writeOnly: true });
  });
});
