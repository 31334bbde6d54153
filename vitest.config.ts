import { defineConfig } from 'vitest/config';

// One vitest run for the whole repository, so that the global setup checks PostgreSQL once and starts one
// Kafka broker for every test file (docs/adr/0003-test-infrastructure.md). Workspace packages resolve to
// their TypeScript sources through the `@chorus/source` export condition, so tests need no build first.
const sourceConditions = ['@chorus/source'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
  test: {
    include: ['{packages,apps,plugins}/*/{src,test}/**/*.spec.ts', 'test/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // The Bluesky network starts only when a test first asks for it, then serves the whole run.
    globalSetup: ['./test/infra/global-setup.ts', './plugins/connector-bluesky/src/testing/global-setup.ts'],
    server: { deps: { inline: [/@chorus\//] } },
  },
});
