import { redact, type LogFields, type Logger } from '@chorus/connector-sdk';

/** Wraps the host's logger so that nothing a connector logs carries a token or a secret configuration field. */
export function redactingLogger(base: Logger, secretKeys: readonly string[]): Logger {
  const keys = new Set(secretKeys);
  const clean = (fields?: LogFields) =>
    fields === undefined ? undefined : (redact(fields, keys) as LogFields);
  const cleanMessage = (message: string) => redact(message) as string;
  return {
    debug: (message, fields) => base.debug(cleanMessage(message), clean(fields)),
    info: (message, fields) => base.info(cleanMessage(message), clean(fields)),
    warn: (message, fields) => base.warn(cleanMessage(message), clean(fields)),
    error: (message, fields) => base.error(cleanMessage(message), clean(fields)),
    child: (fields) => redactingLogger(base.child(clean(fields) ?? {}), secretKeys),
  };
}
