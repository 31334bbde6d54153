import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const CONSOLE = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = join(CONSOLE, 'scripts', 'check-i18n.mjs');

function check(root: string) {
  const result = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

// Each check parses every .svelte file of the console in a child process: seconds on a busy machine.
describe('the translation check (npm run lint)', { timeout: 30_000 }, () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy !== undefined) {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  /** A copy of the console's sources to break on purpose. */
  function copyOfConsole(): string {
    copy = mkdtempSync(join(tmpdir(), 'chorus-i18n-'));
    cpSync(join(CONSOLE, 'src'), join(copy, 'src'), { recursive: true });
    return copy;
  }

  it('passes on the console as it is', () => {
    const result = check(CONSOLE);
    expect(result.output).toContain('no untranslated text');
    expect(result.code).toBe(0);
  });

  it('fails on a key missing in one language, naming the language and the key', () => {
    const root = copyOfConsole();
    const path = join(root, 'src/lib/i18n/messages/it.json');
    const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    delete messages['nav.calendar'];
    writeFileSync(path, JSON.stringify(messages));
    const result = check(root);
    expect(result.code).toBe(1);
    expect(result.output).toContain('it.json: the key "nav.calendar" is missing');
  });

  it('fails on literal text in the markup or in a label attribute of a .svelte file', () => {
    const root = copyOfConsole();
    writeFileSync(
      join(root, 'src/routes/Literal.svelte'),
      '<script lang="ts">let n = 1;</script>\n<p>Welcome back</p>\n<button aria-label="Close">{n}</button>\n',
    );
    const result = check(root);
    expect(result.code).toBe(1);
    expect(result.output).toContain('untranslated text "Welcome back"');
    expect(result.output).toContain('untranslated text "Close"');
  });

  it('fails on a t() key that no catalogue has', () => {
    const root = copyOfConsole();
    writeFileSync(
      join(root, 'src/lib/typo.ts'),
      "import { t } from './i18n/i18n.svelte';\nt('nav.calender');\n",
    );
    const result = check(root);
    expect(result.code).toBe(1);
    expect(result.output).toContain("t('nav.calender') uses a key no catalogue has");
  });
});
