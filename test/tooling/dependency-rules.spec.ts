import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Proves every rule in .dependency-cruiser.cjs fires: a fixture repository with one deliberate violation per
// rule (and allowed imports next to them), cruised exactly as `npm run lint:arch` cruises the real one.

const repoRoot = resolve(import.meta.dirname, '../..');
const depcruise = join(repoRoot, 'node_modules/.bin/depcruise');

const files: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'fixture',
    private: true,
    workspaces: ['apps/*', 'packages/*', 'plugins/*'],
  }),
  'node_modules/kafkajs/package.json': JSON.stringify({ name: 'kafkajs', main: 'index.js' }),
  'node_modules/kafkajs/index.js': 'export const Kafka = 1;',
  'node_modules/typeorm/package.json': JSON.stringify({ name: 'typeorm', main: 'index.js' }),
  'node_modules/typeorm/index.js': 'export const Entity = 1;',
  // Built into dist/, like the real package: the rules must see npm packages whatever their layout.
  'node_modules/@nestjs/common/package.json': JSON.stringify({
    name: '@nestjs/common',
    main: 'dist/index.js',
  }),
  'node_modules/@nestjs/common/dist/index.js': 'export const Injectable = 1;',

  'apps/a/package.json': JSON.stringify({
    name: '@chorus/a',
    exports: { '.': { '@chorus/source': './src/index.ts', default: './dist/index.js' } },
  }),
  'apps/a/src/domain/post.aggregate.ts':
    "import { PostRow } from '../infrastructure/persistence/post.orm-entity.js';\nexport const post = PostRow;",
  'apps/a/src/domain/post.errors.ts': "import { Entity } from 'typeorm';\nexport const e = Entity;",
  'apps/a/src/domain/post.value-object.ts':
    "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;",
  'apps/a/src/domain/schedule.value-object.ts': 'export const schedule = 1;',
  'apps/a/src/application/commands/go/go.handler.ts':
    "import { Controller } from '../../../interface/http/go.http-controller.js';\nimport { schedule } from '../../../domain/schedule.value-object.js';\nexport const h = [Controller, schedule];",
  'apps/a/src/infrastructure/persistence/post.orm-entity.ts':
    "import { schedule } from '../../domain/schedule.value-object.js';\nexport const PostRow = schedule;",
  'apps/a/src/infrastructure/messaging/bus.ts': "import { Kafka } from 'kafkajs';\nexport const k = Kafka;",
  'apps/a/src/interface/http/go.http-controller.ts':
    "import { lib } from '@chorus/lib';\nexport const Controller = lib;",
  'apps/a/src/a.module.ts': "import { b } from '../../b/src/b.module.js';\nexport const a = b;",
  'apps/a/src/uses-lib-by-path.ts':
    "import { lib } from '../../../packages/lib/src/index.js';\nexport const x = lib;",

  'apps/a/src/index.ts': "export { a } from './a.module.js';",

  'apps/chorus/package.json': JSON.stringify({ name: '@chorus/host' }),
  'apps/chorus/src/services.ts': "import { a } from '@chorus/a';\nexport const services = [a];",
  'apps/chorus/src/reach-in.ts':
    "import { schedule } from '../../a/src/domain/schedule.value-object.js';\nexport const r = schedule;",

  'apps/b/package.json': JSON.stringify({ name: '@chorus/b' }),
  'apps/b/src/b.module.ts': 'export const b = 1;',

  'packages/lib/package.json': JSON.stringify({
    name: '@chorus/lib',
    exports: { '.': { '@chorus/source': './src/index.ts', default: './dist/index.js' } },
  }),
  'packages/lib/src/index.ts': 'export const lib = 1;',
  'packages/lib/src/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b;",
  'packages/lib/src/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a;",
  'packages/lib/src/type-a.ts': "import type { B } from './type-b.js';\nexport interface A { b: B }",
  'packages/lib/src/type-b.ts': "import type { A } from './type-a.js';\nexport interface B { a?: A }",
  'packages/lib/src/uses-plugin.ts': "import { x } from '@chorus/connector-x';\nexport const y = x;",
  'packages/lib/test/with-plugin.spec.ts': "import { x } from '@chorus/connector-x';\nexport const z = x;",

  'packages/messaging/package.json': JSON.stringify({ name: '@chorus/messaging' }),
  'packages/messaging/src/kafka.ts': "import { Kafka } from 'kafkajs';\nexport const k = Kafka;",

  'plugins/connector-x/package.json': JSON.stringify({
    name: '@chorus/connector-x',
    exports: { '.': { '@chorus/source': './src/index.ts', default: './dist/index.js' } },
  }),
  'plugins/connector-x/src/index.ts':
    "import { a } from '../../../apps/a/src/a.module.js';\nexport const x = a;",
  'plugins/connector-y/package.json': JSON.stringify({ name: '@chorus/connector-y' }),
  'plugins/connector-y/src/index.ts': "import { x } from '@chorus/connector-x';\nexport const y = x;",
};

const links: Record<string, string> = {
  'node_modules/@chorus/a': '../../apps/a',
  'node_modules/@chorus/lib': '../../packages/lib',
  'node_modules/@chorus/connector-x': '../../plugins/connector-x',
};

interface Violation {
  rule: string;
  from: string;
  to: string;
}

let fixture: string;
let violations: Violation[];

beforeAll(() => {
  fixture = mkdtempSync(join(tmpdir(), 'chorus-depcruise-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    symlinkSync(target, join(fixture, path));
  }
  const run = spawnSync(
    depcruise,
    [
      'apps',
      'packages',
      'plugins',
      '--config',
      join(repoRoot, '.dependency-cruiser.cjs'),
      '--output-type',
      'json',
    ],
    { cwd: fixture, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  violations = result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}, 60_000);

afterAll(() => {
  rmSync(fixture, { recursive: true, force: true });
});

function firing(rule: string): string[] {
  return violations.filter((v) => v.rule === rule).map((v) => `${v.from} -> ${v.to}`);
}

describe('.dependency-cruiser.cjs', () => {
  it('forbids import cycles, except type-only ones', () => {
    // depcruise reports each cycle once, from whichever module it met first.
    expect(firing('no-circular')).toHaveLength(1);
    expect(firing('no-circular')[0]).toMatch(
      /^packages\/lib\/src\/cycle-[ab]\.ts -> packages\/lib\/src\/cycle-[ab]\.ts$/,
    );
  });

  it('keeps the domain away from infrastructure, interface and frameworks', () => {
    expect(firing('domain-not-to-outer-layers')).toEqual([
      'apps/a/src/domain/post.aggregate.ts -> apps/a/src/infrastructure/persistence/post.orm-entity.ts',
    ]);
    expect(firing('domain-not-to-frameworks').sort()).toEqual([
      'apps/a/src/domain/post.errors.ts -> node_modules/typeorm/index.js',
      'apps/a/src/domain/post.value-object.ts -> node_modules/@nestjs/common/dist/index.js',
    ]);
  });

  it('keeps the application layer away from infrastructure and interface', () => {
    expect(firing('application-not-to-outer-layers')).toEqual([
      'apps/a/src/application/commands/go/go.handler.ts -> apps/a/src/interface/http/go.http-controller.ts',
    ]);
  });

  it("forbids one app from importing another app's code", () => {
    expect(firing('no-cross-app-imports')).toEqual(['apps/a/src/a.module.ts -> apps/b/src/b.module.ts']);
  });

  it("lets the host import each app's entry point, and nothing inside it", () => {
    expect(firing('host-imports-apps-by-entry-only')).toEqual([
      'apps/chorus/src/reach-in.ts -> apps/a/src/domain/schedule.value-object.ts',
    ]);
  });

  it('keeps kafkajs inside packages/messaging', () => {
    expect(firing('kafkajs-only-in-messaging')).toEqual([
      'apps/a/src/infrastructure/messaging/bus.ts -> node_modules/kafkajs/index.js',
    ]);
  });

  it('forbids packages (outside their tests) from importing plugins or apps, and plugins from importing apps or each other', () => {
    expect(firing('packages-not-to-apps-or-plugins')).toEqual([
      'packages/lib/src/uses-plugin.ts -> plugins/connector-x/src/index.ts',
    ]);
    expect(firing('plugins-not-to-apps')).toEqual([
      'plugins/connector-x/src/index.ts -> apps/a/src/a.module.ts',
    ]);
    expect(firing('plugins-not-to-other-plugins')).toEqual([
      'plugins/connector-y/src/index.ts -> plugins/connector-x/src/index.ts',
    ]);
  });

  it('forbids relative imports into another workspace, but not imports by package name', () => {
    expect(firing('no-relative-import-across-workspaces').sort()).toEqual([
      'apps/a/src/a.module.ts -> apps/b/src/b.module.ts',
      'apps/a/src/uses-lib-by-path.ts -> packages/lib/src/index.ts',
      'apps/chorus/src/reach-in.ts -> apps/a/src/domain/schedule.value-object.ts',
      'plugins/connector-x/src/index.ts -> apps/a/src/a.module.ts',
    ]);
  });

  it('reports nothing else: the allowed imports of the fixture pass', () => {
    const rules = new Set([
      'no-circular',
      'domain-not-to-outer-layers',
      'domain-not-to-frameworks',
      'application-not-to-outer-layers',
      'no-cross-app-imports',
      'host-imports-apps-by-entry-only',
      'kafkajs-only-in-messaging',
      'packages-not-to-apps-or-plugins',
      'plugins-not-to-apps',
      'plugins-not-to-other-plugins',
      'no-relative-import-across-workspaces',
    ]);
    expect(violations.filter((v) => !rules.has(v.rule))).toEqual([]);
    expect(violations).toHaveLength(15);
  });
});
