import { Inject, Injectable, Optional, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PUBLIC_URL } from '../../gateway.tokens.js';

/**
 * The HTTP edge's response headers. The console and the API share one origin, so no CORS header is ever sent
 * and browsers refuse other sites' scripted calls; the rest stops sniffing, framing, referrer leaks and caching
 * of answers that carry personal data.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * The headers for every answer of an installation reached at `publicUrl`. Behind HTTPS (ADR 0017) that includes
 * Strict-Transport-Security, whatever the hop from the TLS-terminating proxy to us was; a local install on plain
 * HTTP never sends it (browsers would ignore it there, and it must stay reachable).
 */
export function edgeSecurityHeaders(publicUrl: string | undefined): Readonly<Record<string, string>> {
  return publicUrl?.startsWith('https:') === true
    ? { ...SECURITY_HEADERS, 'strict-transport-security': STRICT_TRANSPORT_SECURITY }
    : SECURITY_HEADERS;
}

@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware {
  private readonly headers: Readonly<Record<string, string>>;

  constructor(@Optional() @Inject(PUBLIC_URL) publicUrl: string | undefined) {
    this.headers = edgeSecurityHeaders(publicUrl);
  }

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    for (const [name, value] of Object.entries(this.headers)) {
      response.setHeader(name, value);
    }
    // Middleware may see the path relative to its mount point; the original URL is the one the client sent.
    const url = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '';
    if (url.startsWith('/api/')) {
      response.setHeader('cache-control', 'no-store');
    }
    // A gateway serving TLS itself, without a public URL: over HTTPS only.
    if ((request.socket as { encrypted?: boolean }).encrypted === true) {
      response.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    }
    next();
  }
}
