import { describe, expect, it } from 'vitest';
import { parseWebhookUrl } from './webhook-url.value-object.js';

describe('webhook URL', () => {
  it('accepts https', () => {
    expect(parseWebhookUrl('https://hooks.example.com/chorus', { allowLoopbackHttp: false }).host).toBe(
      'hooks.example.com',
    );
  });

  it('accepts plain http to loopback only where the host allows it', () => {
    expect(() => parseWebhookUrl('http://127.0.0.1:9/x', { allowLoopbackHttp: true })).not.toThrow();
    expect(() => parseWebhookUrl('http://127.0.0.1:9/x', { allowLoopbackHttp: false })).toThrow(
      /must use https/,
    );
    expect(() => parseWebhookUrl('http://hooks.example.com/x', { allowLoopbackHttp: true })).toThrow(
      /must use https/,
    );
  });

  it('refuses other schemes, relative URLs and credentials in the URL', () => {
    expect(() => parseWebhookUrl('ftp://example.com', { allowLoopbackHttp: true })).toThrow(/https/);
    expect(() => parseWebhookUrl('/hook', { allowLoopbackHttp: true })).toThrow(/absolute/);
    expect(() => parseWebhookUrl('https://u:p@example.com', { allowLoopbackHttp: true })).toThrow(/password/);
  });
});
