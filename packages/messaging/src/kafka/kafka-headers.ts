import type { IHeaders } from 'kafkajs';

/** kafkajs hands header values as Buffers (or arrays for repeated keys); the pipeline wants strings. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) {
      continue;
    }
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) {
      decoded[name] = last.toString();
    }
  }
  return decoded;
}
