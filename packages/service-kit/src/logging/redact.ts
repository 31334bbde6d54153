const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key|private[-_]?key|credential/i;
const MAX_DEPTH = 4;

/** Copies log fields with every secret-looking key masked, so a careless caller cannot leak a credential. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (depth >= MAX_DEPTH) {
    return '[truncated]';
  }
  if (value instanceof Error) {
    return { name: value.name, message: value.message };
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(item, depth + 1);
  }
  return out;
}
