import { describe, expect, it, vi } from 'vitest';
import { ConnectorManifestSchema } from './manifest/manifest.schema.js';
import { exampleManifest } from './testing/example-manifest.fixture.js';
import { createConnectorContext, ConnectorConfigError } from './context/create-connector-context.js';
import { silentLogger } from './context/logger.js';
import { defineConnector, ConnectorImplementationError } from './define-connector.js';
import { InvalidContentError } from './errors/connector-errors.js';
import { isConnectorDefinition, type ConnectorImplementation } from './capabilities/connector.js';

const manifest = ConnectorManifestSchema.parse(exampleManifest());
const credentials = { accountId: 'a1', accessToken: 't' };
const context = () => createConnectorContext({ manifest, config: { apiKey: 'k' }, logger: silentLogger });

function implementation(overrides: Partial<ConnectorImplementation> = {}): ConnectorImplementation {
  return {
    auth: {
      password: { login: () => Promise.resolve(credentials) },
      refresh: (c) => Promise.resolve(c),
      verify: () => Promise.resolve({ accountId: 'a1', handle: 'a', displayName: null, url: null }),
    },
    publish: vi.fn(() =>
      Promise.resolve({ remoteId: 'r1', url: 'https://example.com/r1', publishedAt: '2026-01-01T00:00:00Z' }),
    ),
    findPublished: () => Promise.resolve({ status: 'not-found' as const }),
    delete: () => Promise.resolve(),
    ...overrides,
  };
}

describe('defineConnector', () => {
  it('refuses invalid content in publish before the implementation is called', async () => {
    const impl = implementation();
    const connector = await defineConnector({ manifest: exampleManifest(), create: () => impl }).create(
      context(),
    );
    const error = await connector.publish!(credentials, {
      idempotencyKey: 'k',
      fingerprint: 'f',
      post: { text: 'x'.repeat(301) },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidContentError);
    expect((error as InvalidContentError).issues[0]).toMatchObject({
      path: ['text'],
      limit: 300,
      actual: 301,
    });
    expect(impl.publish).not.toHaveBeenCalled();
  });

  it('adds the network-specific rules after the generic ones', async () => {
    const impl = implementation({
      rules: (post) =>
        post.text.includes('forbidden') ? [{ path: ['text'], code: 'example:word', message: 'no' }] : [],
    });
    const connector = await defineConnector({ manifest: exampleManifest(), create: () => impl }).create(
      context(),
    );
    expect(await connector.validate({ text: 'a forbidden word' })).toEqual([
      { path: ['text'], code: 'example:word', message: 'no' },
    ]);
  });

  it('uses the limits the connector reads at run time for an account', async () => {
    const impl = implementation({
      limits: () =>
        Promise.resolve({
          ...manifest.limits,
          text: [{ counting: 'graphemes' as const, max: 5, ignoreMentionDomains: false }],
        }),
    });
    const connector = await defineConnector({ manifest: exampleManifest(), create: () => impl }).create(
      context(),
    );
    expect(await connector.validate({ text: 'abcdef' })).toEqual([]);
    expect(await connector.validate({ text: 'abcdef' }, { credentials })).toEqual([
      expect.objectContaining({ limit: 5, actual: 6 }),
    ]);
  });

  it('refuses an implementation that lacks a declared capability', async () => {
    const definition = defineConnector({
      manifest: exampleManifest(),
      create: () => implementation({ delete: undefined }),
    });
    await expect(definition.create(context())).rejects.toThrow(ConnectorImplementationError);
    await expect(definition.create(context())).rejects.toThrow(/delete/);
  });

  it('hides capabilities the manifest does not declare', async () => {
    const impl = implementation({
      inbox: { pull: () => Promise.resolve({ interactions: [], cursor: null }) },
    });
    const connector = await defineConnector({ manifest: exampleManifest(), create: () => impl }).create(
      context(),
    );
    expect(connector.inbox).toBeUndefined();
  });

  it('offers inbox.delete only when declared, and refuses a declared delete that is missing', async () => {
    const pull = () => Promise.resolve({ interactions: [], cursor: null });
    const remove = vi.fn(() => Promise.resolve());
    const declaring = (declared: boolean) => {
      const input = exampleManifest();
      return ConnectorManifestSchema.parse({
        ...input,
        capabilities: { ...input.capabilities, inbox: { kinds: ['comment'], delete: declared } },
      });
    };
    const build = (declared: boolean, inbox: ConnectorImplementation['inbox']) =>
      defineConnector({ manifest: exampleManifest(), create: () => implementation({ inbox }) }).create(
        createConnectorContext({
          manifest: declaring(declared),
          config: { apiKey: 'k' },
          logger: silentLogger,
        }),
      );
    expect((await build(false, { pull, delete: remove })).inbox?.delete).toBeUndefined();
    const declared = await build(true, { pull, delete: remove });
    await declared.inbox!.delete!(credentials, { remoteId: 'c1' });
    expect(remove).toHaveBeenCalledWith(credentials, { remoteId: 'c1' });
    await expect(build(true, { pull })).rejects.toThrow(/inbox\.delete/);
  });

  it('is recognisable by its brand', () => {
    expect(
      isConnectorDefinition(defineConnector({ manifest: exampleManifest(), create: () => implementation() })),
    ).toBe(true);
    expect(isConnectorDefinition({ create: () => undefined })).toBe(false);
  });
});

describe('createConnectorContext', () => {
  it('refuses a configuration that does not match the config schema, naming the field', () => {
    expect(() => createConnectorContext({ manifest, config: {} })).toThrow(ConnectorConfigError);
    expect(() => createConnectorContext({ manifest, config: {} })).toThrow(/apiKey/);
  });
});
