import { describe, expect, it } from 'vitest';
import { smtpUrlProblem } from './mail-config.js';

describe('CHORUS_SMTP_URL', () => {
  it('accepts smtp and smtps URLs, with or without credentials', () => {
    expect(smtpUrlProblem('smtp://smtp.example.com:587')).toBeNull();
    expect(smtpUrlProblem('smtps://user%40example.com:p%40ss@smtp.example.com:465')).toBeNull();
  });

  it('names what is wrong, never echoing the password', () => {
    expect(smtpUrlProblem('https://smtp.example.com')).toMatch(/smtp:\/\/ or smtps:\/\//);
    expect(smtpUrlProblem('smtp.example.com:587')).toMatch(/expected/);
    expect(smtpUrlProblem('smtp://user@smtp.example.com')).toMatch(/no password/);
    const problem = smtpUrlProblem('smtp://user:hunter2@smtp.example.com/path') ?? '';
    expect(problem).toMatch(/path/);
    expect(problem).not.toContain('hunter2');
  });
});
