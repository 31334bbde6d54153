import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Runs scripts/check-file-names.mjs, as `npm run lint` does, against fixture trees.

const script = resolve(import.meta.dirname, '../../scripts/check-file-names.mjs');
const fixtures: string[] = [];

function checkTree(paths: string[]): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'chorus-file-names-'));
  fixtures.push(root);
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }
  const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

afterEach(() => {
  for (const root of fixtures.splice(0)) {
    rmSync(root, { recursive: true, force: true });
  }
});

describe('check-file-names', () => {
  it('accepts role suffixes, specs, index files and timestamped migrations', () => {
    const result = checkTree([
      'apps/content/src/content.module.ts',
      'apps/content/src/main.ts',
      'apps/content/src/domain/post.aggregate.ts',
      'apps/content/src/domain/post-target.entity.ts',
      'apps/content/src/domain/schedule.value-object.ts',
      'apps/content/src/domain/post.errors.ts',
      'apps/content/src/domain/events/post-scheduled.event.ts',
      'apps/content/src/application/commands/schedule-post/schedule-post.command.ts',
      'apps/content/src/application/commands/schedule-post/schedule-post.handler.ts',
      'apps/content/src/application/commands/schedule-post/schedule-post.handler.spec.ts',
      'apps/content/src/application/sagas/publishing.saga.ts',
      'apps/content/src/application/ports/post-repository.port.ts',
      'apps/content/src/infrastructure/persistence/post.orm-entity.ts',
      'apps/content/src/infrastructure/persistence/post.typeorm-repository.ts',
      'apps/content/src/infrastructure/persistence/post.mapper.ts',
      'apps/content/src/infrastructure/persistence/migrations/1767312000000-create-post-table.ts',
      'apps/content/src/infrastructure/persistence/migrations/messaging-tables.migration.ts',
      'apps/content/src/infrastructure/messaging/crisis-detected.kafka-consumer.ts',
      'apps/content/src/interface/http/schedule-post.http-controller.ts',
      'apps/content/src/interface/http/dto/schedule-post.dto.ts',
      'apps/content/src/interface/index.ts',
      'apps/console/src/routes/+page.svelte',
    ]);
    expect(result.output).toMatch(/every file .* has a known role suffix/);
    expect(result.status).toBe(0);
  });

  it('names every file with an unknown suffix or a non-kebab name, and fails', () => {
    const result = checkTree([
      'apps/content/src/domain/post.ts',
      'apps/content/src/domain/PostTarget.entity.ts',
      'apps/content/src/application/commands/schedule-post/schedule-post.service.ts',
      'apps/content/src/application/ports/post.repository.ts',
      'apps/content/src/interface/http/schedule-post.http.controller.ts',
      'apps/content/src/infrastructure/persistence/migrations/create-post-table.ts',
      'apps/content/src/infrastructure/persistence/post_row.orm-entity.ts',
      'apps/content/src/domain/post.aggregate.ts',
    ]);
    expect(result.status).toBe(1);
    for (const bad of [
      'apps/content/src/domain/post.ts',
      'apps/content/src/domain/PostTarget.entity.ts',
      'apps/content/src/application/commands/schedule-post/schedule-post.service.ts',
      'apps/content/src/application/ports/post.repository.ts',
      'apps/content/src/interface/http/schedule-post.http.controller.ts',
      'apps/content/src/infrastructure/persistence/migrations/create-post-table.ts',
      'apps/content/src/infrastructure/persistence/post_row.orm-entity.ts',
    ]) {
      expect(result.output).toContain(`  ${bad}\n`);
    }
    expect(result.output).toContain('7 file(s)');
    expect(result.output).not.toContain('post.aggregate.ts');
  });
});
