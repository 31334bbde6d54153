import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

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

@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      response.setHeader(name, value);
    }
    // Middleware may see the path relative to its mount point; the original URL is the one the client sent.
    const url = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '';
    if (url.startsWith('/api/')) {
      response.setHeader('cache-control', 'no-store');
    }
    // Only over HTTPS: on plain HTTP it would be ignored, and a local install must stay reachable.
    if ((request.socket as { encrypted?: boolean }).encrypted === true) {
      response.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    next();
  }
}
