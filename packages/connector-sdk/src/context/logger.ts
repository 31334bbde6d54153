export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  readonly time: string;
  readonly [field: string]: unknown;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where records go; one JSON line on stderr by default. */
  readonly sink?: (record: LogRecord) => void;
  readonly fields?: LogFields;
  /** More field names to redact, such as the configuration's secret fields. */
  readonly secretKeys?: readonly string[];
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|jwt|api[-_]?key|verifier|credential/iu;
const BEARER = /\b(Bearer|Basic|DPoP)\s+[A-Za-z0-9._~+/=-]+/gu;
export const REDACTED = '[redacted]';

/** A structured logger that never writes secrets: secret-looking keys and bearer strings are redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const sink = options.sink ?? ((record: LogRecord) => process.stderr.write(`${JSON.stringify(record)}\n`));
  const secretKeys = new Set(options.secretKeys ?? []);
  const make = (bound: LogFields): Logger => {
    const write = (level: LogLevel, message: string, fields?: LogFields) => {
      if (ORDER[level] < threshold) {
        return;
      }
      const merged = redact({ ...bound, ...fields }, secretKeys) as Record<string, unknown>;
      sink({ ...merged, level, message: redactString(message), time: new Date().toISOString() });
    };
    return {
      debug: (message, fields) => write('debug', message, fields),
      info: (message, fields) => write('info', message, fields),
      warn: (message, fields) => write('warn', message, fields),
      error: (message, fields) => write('error', message, fields),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make(options.fields ?? {});
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/** A copy of a value with secrets replaced, safe to log. */
export function redact(value: unknown, secretKeys: ReadonlySet<string> = new Set(), depth = 0): unknown {
  if (typeof value === 'string') {
    return redactString(value);
  }
  if (value === null || typeof value !== 'object' || depth > 6) {
    return value;
  }
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactString(value.message),
      kind: (value as { kind?: unknown }).kind,
    };
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, secretKeys, depth + 1));
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) || secretKeys.has(key) ? REDACTED : redact(item, secretKeys, depth + 1);
  }
  return copy;
}

function redactString(text: string): string {
  return text.replace(BEARER, `$1 ${REDACTED}`);
}
