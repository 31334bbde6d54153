import type { BusLogger } from '@chorus/messaging';
import type { JsonLogger } from '../logging/json-logger.js';

/** The bus's own messages in the same JSON lines as everything else. */
export function busLoggerFor(logger: JsonLogger): BusLogger {
  return {
    info: (message, fields) => logger.write('info', message, fields),
    warn: (message, fields) => logger.write('warn', message, fields),
    error: (message, fields) => logger.write('error', message, fields),
  };
}
