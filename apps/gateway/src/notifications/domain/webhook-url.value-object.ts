import { InvalidWebhookUrlError } from './notification.errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Where a webhook posts. HTTPS only: the payload names the agency's posts and people, and the signature proves
 * who sent it, not that nobody read it. Plain HTTP is accepted for a loopback address only, and only where the
 * host allows it (the embedded install and tests). No credentials in the URL: they would show in every list.
 */
export function parseWebhookUrl(value: string, options: { allowLoopbackHttp: boolean }): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidWebhookUrlError('is not an absolute URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidWebhookUrlError('must not carry a user name or password');
  }
  if (url.hash !== '') {
    throw new InvalidWebhookUrlError('must not have a #fragment');
  }
  if (url.protocol === 'https:') {
    return url;
  }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    if (options.allowLoopbackHttp) {
      return url;
    }
    throw new InvalidWebhookUrlError('must use https (plain http only to loopback on an embedded install)');
  }
  throw new InvalidWebhookUrlError('must use https');
}
