import { z } from 'zod';

/**
 * CHORUS_SMTP_URL: where the gateway sends e-mail (ADR 0018). smtp:// (STARTTLS when offered) or smtps://
 * (TLS from the start), with the user and password URL-encoded. A problem names the part, never the password.
 */
export const smtpUrlVariable = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value === undefined) {
      return;
    }
    const problem = smtpUrlProblem(value);
    if (problem !== null) {
      context.addIssue({ code: 'custom', message: problem });
    }
  })
  .describe('the SMTP server for e-mail, e.g. smtps://user:password@smtp.example.com:465');

export function smtpUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) {
    return 'expected a URL such as smtps://user:password@smtp.example.com:465';
  }
  const url = new URL(value);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return `expected the scheme smtp:// or smtps://, not ${url.protocol}//`;
  }
  if (url.hostname === '') {
    return 'names no host, e.g. smtp://user:password@smtp.example.com:587';
  }
  if (url.username !== '' && url.password === '') {
    return 'names a user but no password (user:password@host, URL-encoded)';
  }
  if (url.pathname !== '' && url.pathname !== '/') {
    return 'must not have a path';
  }
  return null;
}

/** CHORUS_SMTP_ALLOW_PLAINTEXT: let an smtp:// server without STARTTLS receive mail (a local relay, a test). */
export const smtpAllowPlaintextVariable = z
  .enum(['true', 'false'], { message: "expected 'true' or 'false'" })
  .default('false')
  .transform((value) => value === 'true')
  .describe(
    "'true' sends mail to an smtp:// server that offers no STARTTLS, password and text in clear (a relay on " +
      'this host only; default false: such a server gets nothing)',
  );

/** CHORUS_MAIL_FROM: the From: address of Chorus's mail. */
export const mailFromVariable = z
  .string()
  .min(3)
  .regex(/^[^\r\n]*@[^\r\n]*$/, 'expected an address such as "Chorus <chorus@example.com>", on one line')
  .optional()
  .describe('the From: address of mail, e.g. "Chorus <chorus@example.com>" (default no-reply@<SMTP host>)');

/** CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS: let webhooks and connectors reach loopback and private addresses. */
export const allowPrivateTargetsVariable = z
  .enum(['true', 'false'], { message: "expected 'true' or 'false'" })
  .default('false')
  .transform((value) => value === 'true')
  .describe(
    "'true' lets notification webhooks and connectors call loopback, private and link-local addresses " +
      '(tests and local fakes only; default false)',
  );
