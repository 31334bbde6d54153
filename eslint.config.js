// One flat ESLint config for the whole repository. Each workspace runs `eslint src` (and `test` where it has
// one); type information comes from the nearest tsconfig.json through typescript-eslint's project service.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Named exports only (STYLE.md): a default export is renamed at every import site, which defeats search.
const noDefaultExport = [
  {
    selector: 'ExportDefaultDeclaration',
    message: 'Use a named export: default exports are renamed at each import and defeat search (STYLE.md).',
  },
  {
    selector: 'ExportNamedDeclaration > ExportSpecifier[exported.name="default"]',
    message: 'Use a named export: default exports are renamed at each import and defeat search (STYLE.md).',
  },
];

// Generic code never branches on a network's name (DESIGN.md, "Connectors are plugins"): what differs between
// networks is declared in the connector's manifest. These catch the usual shapes of `if (network === 'x')`.
const NETWORK_NAME = '/^(network|networkId|identifier|provider)$/';
const namesNetwork = (node) =>
  `:matches([${node}.name=${NETWORK_NAME}], [${node}.property.name=${NETWORK_NAME}], [${node}.expression.property.name=${NETWORK_NAME}])`;
const isStringLiteral = (node) =>
  `:matches([${node}.type="Literal"][${node}.value=/.*/], [${node}.type="TemplateLiteral"][${node}.expressions.length=0])`;
const NETWORK_MESSAGE =
  "Generic code must not branch on a network's name: declare the difference in the connector's manifest " +
  '(capabilities, limits, settings schema) and read it from there. Only plugins/connector-<network> knows its network.';
const noNetworkBranching = [
  `BinaryExpression[operator=/^[!=]==?$/]${namesNetwork('left')}${isStringLiteral('right')}`,
  `BinaryExpression[operator=/^[!=]==?$/]${namesNetwork('right')}${isStringLiteral('left')}`,
  `SwitchStatement${namesNetwork('discriminant')} > SwitchCase${isStringLiteral('test')}`,
  `CallExpression[callee.property.name="includes"][callee.object.type="ArrayExpression"]${namesNetwork('arguments.0')}`,
].map((selector) => ({ selector, message: NETWORK_MESSAGE }));

const CONFIG_FILES = ['**/*.config.{js,mjs,cjs,ts,mts}'];
const SPEC_FILES = ['**/*.spec.ts'];
// Test code in a wider sense: specs, shared contract suites (*.contract.ts) and test/ folders.
const TEST_FILES = [...SPEC_FILES, '**/*.contract.ts', '**/test/**/*.ts'];

// Only the few Node globals that root scripts use; TypeScript files get theirs from @types/node.
const nodeGlobals = Object.fromEntries(
  [
    'console',
    'process',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'structuredClone',
    'TextDecoder',
    'TextEncoder',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/coverage/**',
    '**/.turbo/**',
    '**/generated/**',
    'packages/*/schemas/**',
    'bench/results/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-syntax': ['error', ...noDefaultExport, ...noNetworkBranching],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@chorus/*/src/*', '@chorus/*/dist/*'],
              message:
                "Import the package by name: its `exports` are its API (a './testing' export exists where needed).",
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Deliberately not enabled: consistent-type-imports. It would turn imports of injected classes into
      // `import type`, which erases the runtime reference that NestJS injection needs (docs/adr/0001).
    },
  },
  {
    // Connectors know their own network; tests may pick fixtures by network.
    files: ['plugins/**', ...SPEC_FILES],
    rules: { 'no-restricted-syntax': ['error', ...noDefaultExport] },
  },
  {
    files: CONFIG_FILES,
    rules: { 'no-restricted-syntax': ['error', ...noNetworkBranching] },
  },
  {
    files: TEST_FILES,
    // vitest matchers take methods by reference (expect(repo.save).toHaveBeenCalled()).
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Plain JavaScript (root scripts, configs) and config files outside any tsconfig: no type information.
    files: ['**/*.{js,mjs,cjs}', ...CONFIG_FILES],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
