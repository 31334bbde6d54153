import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes the caller's correlation id when it is a UUID (the event envelope's type for it); otherwise starts a
 * new one. The strict shape also keeps a hostile header out of every log line.
 */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && UUID.test(value) ? value.toLowerCase() : randomUUID();
}
