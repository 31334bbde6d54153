// Architecture rules, checked by `npm run lint:arch` (depcruise apps packages plugins). Every rule here is
// proven to fire by test/tooling/dependency-rules.spec.ts, on a deliberately bad fixture tree.
// Paths are relative to the repository root; workspace packages resolve to their real folders (not
// node_modules symlinks), so `@chorus/x` imports are checked like relative ones.

// (?:x|.*/x) rather than (?:.*/)?x: dependency-cruiser refuses regular expressions with nested quantifiers.
const LAYER = (names) => `^apps/[^/]+/src/(?:${names}|.*/(?:${names}))/`;
const OUTER_LAYERS = LAYER('infrastructure|interface');
// An npm package, resolved or not: node_modules/<name>/... or the bare name when it cannot be resolved.
const NPM = (names) => `(?:^|/)node_modules/(?:${names})(?:/|$)|^(?:${names})(?:/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make load order matter and hide layering mistakes. Type-only cycles are harmless.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-not-to-outer-layers',
      severity: 'error',
      comment:
        'The domain knows nothing of infrastructure or interface: they depend on it, never the reverse.',
      from: { path: LAYER('domain') },
      to: { path: OUTER_LAYERS },
    },
    {
      name: 'domain-not-to-frameworks',
      severity: 'error',
      comment:
        'The domain is plain TypeScript: no TypeORM, NestJS, Kafka, nor the packages that wrap them. ' +
        'Put framework code in infrastructure/ behind a port.',
      from: { path: LAYER('domain') },
      to: { path: [NPM('typeorm|@nestjs/[^/]+|kafkajs'), '^packages/(?:persistence|messaging)/'] },
    },
    {
      name: 'application-not-to-outer-layers',
      severity: 'error',
      comment: 'Use cases talk to infrastructure through ports (application/ports), injected by token.',
      from: { path: LAYER('application') },
      to: { path: OUTER_LAYERS },
    },
    {
      name: 'no-cross-app-imports',
      severity: 'error',
      comment:
        "An app never imports another app's code: share it through a package (events through @chorus/contracts). " +
        'The host (apps/chorus) composes the services and has its own rule below.',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/chorus/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'host-imports-apps-by-entry-only',
      severity: 'error',
      comment:
        "The host runs the services (chorus start, chorus serve): it may import each app's entry point " +
        '(by package name, resolving to apps/<app>/src/index.ts), never its internals.',
      from: { path: '^apps/chorus/' },
      to: { path: '^apps/', pathNot: ['^apps/chorus/', '^apps/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'kafkajs-only-in-messaging',
      severity: 'error',
      comment:
        'kafkajs stays behind @chorus/messaging so that a compatible client can replace it in one place. ' +
        'Exception: @chorus/testing, whose helpers start the test broker and inspect topics from outside.',
      from: { pathNot: '^packages/(?:messaging|testing)/' },
      to: { path: NPM('kafkajs') },
    },
    {
      name: 'packages-not-to-apps-or-plugins',
      severity: 'error',
      comment:
        'Packages are shared libraries: they never depend on the apps or the connectors that use them. ' +
        "A package's own test/ folder may exercise it with a real connector (the host loading one).",
      from: { path: '^packages/', pathNot: '^packages/[^/]+/test/' },
      to: { path: '^(?:apps|plugins)/' },
    },
    {
      name: 'plugins-not-to-apps',
      severity: 'error',
      comment: 'A connector depends on @chorus/connector-sdk only, never on the host or a service.',
      from: { path: '^plugins/' },
      to: { path: '^apps/' },
    },
    {
      name: 'plugins-not-to-other-plugins',
      severity: 'error',
      comment: 'Connectors are independent: adding or removing one touches no other.',
      from: { path: '^plugins/([^/]+)/' },
      to: { path: '^plugins/', pathNot: '^plugins/$1/' },
    },
    {
      name: 'no-relative-import-across-workspaces',
      severity: 'error',
      comment: 'Import another workspace by its package name: a relative path bypasses its `exports`.',
      from: { path: '^((?:apps|packages|plugins)/[^/]+)/' },
      to: {
        path: '^(?:apps|packages|plugins)/',
        pathNot: '^$1/',
        // A package-name import resolves through the workspace link and is marked aliased-workspace.
        dependencyTypesNot: ['aliased-workspace'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Only our own build output: an npm package's dist/ must stay visible, or rules on npm imports never fire.
    exclude: { path: '^(?:apps|packages|plugins)/[^/]+/(?:dist|coverage|build|\\.turbo|\\.svelte-kit)/' },
    // Type imports count for the layer rules: a domain that needs an ORM type is still coupled to the ORM.
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // Source first, like tsc and vitest here: workspace packages resolve to their src/.
      conditionNames: ['@chorus/source', 'import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
