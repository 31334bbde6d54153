import { z } from 'zod';

/**
 * Where people reach Chorus, for the links in e-mail (password reset, invitations, notifications) and webhook
 * payloads. Without it, `chorus start` uses http://<HOST>:<PORT> (localhost when HOST is 0.0.0.0).
 */
export const publicUrlVariable = z
  .url({ protocol: /^https?$/ })
  .refine((value) => !/[?#]/.test(value), 'must not have a query or a fragment')
  .transform((value) => value.replace(/\/+$/, ''))
  .optional()
  .describe('the URL people open Chorus at, e.g. https://chorus.example.com');

/** The embedded default: the address the gateway listens on, as a browser on this machine would open it. */
export function defaultPublicUrl(host: string, port: number): string | undefined {
  if (port === 0) {
    return undefined; // a test's random port, unknown until listening; links stay relative
  }
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
