import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Runs the repository's eslint.config.js on snippets placed at chosen paths. Type information is switched off
// here (the snippets are not on disk); the type-aware rules are checked to be configured as errors.

const repoRoot = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });

async function lint(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, path) });
  return (result?.messages ?? []).map((m) => `${m.line}:${m.ruleId ?? 'fatal'}`);
}

const branching = `declare const channel: { network: string; meta?: { provider: string } };
declare const network: string;
declare const networkId: string;
declare const identifier: string;
export function pick(): number {
  if (channel.network === 'bluesky') {
    return 1;
  }
  if ('mastodon' !== network) {
    return 2;
  }
  if (channel.meta?.provider === \`x\`) {
    return 3;
  }
  switch (networkId) {
    case 'threads':
      return 4;
    default:
      return 0;
  }
}
export const isShortForm = ['tiktok', 'threads'].includes(identifier);
`;

const neutral = `declare const channel: { network: string; status: string };
declare const other: { network: string };
export const same = channel.network === other.network;
export const active = channel.status === 'active';
`;

describe('eslint.config.js', () => {
  it("forbids generic code from branching on a network's name", async () => {
    const expected = ['6', '9', '12', '16', '22'].map((line) => `${line}:no-restricted-syntax`);
    expect(await lint(branching, 'apps/content/src/application/publish.handler.ts')).toEqual(expected);
    expect(await lint(branching, 'packages/connector-host/src/loader.ts')).toEqual(expected);
  });

  it('lets a connector plugin, and tests, name networks', async () => {
    expect(await lint(branching, 'plugins/connector-bluesky/src/bluesky.connector.ts')).toEqual([]);
    expect(await lint(branching, 'apps/content/src/application/publish.handler.spec.ts')).toEqual([]);
  });

  it('does not flag comparisons that are not on a network name', async () => {
    expect(await lint(neutral, 'apps/content/src/domain/post.aggregate.ts')).toEqual([]);
  });

  it('allows named exports only, except in config files', async () => {
    const code = 'const value = 1;\nexport default value;\nexport { value as default };\n';
    expect(await lint(code, 'packages/contracts/src/x.ts')).toEqual([
      '2:no-restricted-syntax',
      '3:no-restricted-syntax',
    ]);
    expect(await lint(code, 'apps/console/vite.config.ts')).toEqual([]);
  });

  it('requires === and braces', async () => {
    const code = 'export function f(a: unknown): number {\n  if (a == 1) return 1;\n  return 0;\n}\n';
    expect(await lint(code, 'packages/contracts/src/x.ts')).toEqual(['2:eqeqeq', '2:curly']);
  });

  it('turns the type-aware promise and switch rules on for source files', async () => {
    const config = (await new ESLint({ cwd: repoRoot }).calculateConfigForFile(
      resolve(repoRoot, 'packages/contracts/src/index.ts'),
    )) as {
      rules: Record<string, unknown[]>;
      languageOptions: { parserOptions: { projectService?: unknown } };
    };
    for (const rule of [
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/no-misused-promises',
      '@typescript-eslint/await-thenable',
      '@typescript-eslint/switch-exhaustiveness-check',
    ]) {
      expect(config.rules[rule]?.[0], rule).toBe(2);
    }
    expect(config.languageOptions.parserOptions.projectService).toBe(true);
  });
});
