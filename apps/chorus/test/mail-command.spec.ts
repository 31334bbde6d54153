import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MailFileDrop } from '@chorus/gateway';
import { runMail } from '../src/cli/mail.command.js';
import { UsageError } from '../src/cli/usage.errors.js';

// `chorus mail` reads what the embedded gateway dropped under CHORUS_DATA_DIR/mail (docs/adr/0018): the way in
// for an admin locked out of the console.

describe('chorus mail', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chorus-data-'));
    const drop = new MailFileDrop(join(dataDir, 'mail'));
    await drop.send({
      tenantId: 't',
      to: 'ada@example.test',
      subject: 'Reset',
      text: 'https://x/#token=one',
    });
    await drop.send({
      tenantId: 't',
      to: 'bob@example.test',
      subject: 'Invite',
      text: 'https://x/#token=two',
    });
    await drop.send({
      tenantId: 't',
      to: 'ada@example.test',
      subject: 'Reset again',
      text: 'https://x/#token=three',
    });
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const printed = async (args: string[], env: NodeJS.ProcessEnv): Promise<string> => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      expect(await runMail(args, env)).toBe(0);
    } finally {
      write.mockRestore();
    }
    return lines.join('');
  };

  it("prints one person's mail, newest first, with the link", async () => {
    const out = await printed(['--to', 'ADA@example.test'], { CHORUS_DATA_DIR: dataDir });
    expect(out.indexOf('#token=three')).toBeLessThan(out.indexOf('#token=one'));
    expect(out).toContain('Subject: Reset again');
    expect(out).not.toContain('#token=two');
  });

  it('limits the count, says when there is nothing, and refuses unknown options', async () => {
    const one = await printed(['--limit', '1'], { CHORUS_DATA_DIR: dataDir });
    expect(one.match(/^To: /gm)).toHaveLength(1);
    expect(await printed(['--to', 'nobody@example.test'], { CHORUS_DATA_DIR: dataDir })).toMatch(
      /^No mail to/,
    );
    await expect(runMail(['--limit', 'many'], { CHORUS_DATA_DIR: dataDir })).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(runMail(['--from', 'x'], { CHORUS_DATA_DIR: dataDir })).rejects.toBeInstanceOf(UsageError);
    await expect(runMail([], { CHORUS_DATA_DIR: 'memory://' })).rejects.toBeInstanceOf(UsageError);
  });
});
