import type { LoggerService } from '@nestjs/common';
import { currentContext } from '../context/request-context.js';
import { redact } from './redact.js';
import { stdoutSink, type LogSink } from './log-sink.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Nest narrates its start-up (every module, every route) at "log" level: useful when debugging only.
const CHATTY_NEST_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

export interface JsonLoggerOptions {
  readonly service: string;
  readonly level?: LogLevel;
  readonly sink?: LogSink;
}

/**
 * One JSON line per record: level, time, service, msg, correlationId (from the request context), then fields.
 * Implements Nest's LoggerService so that Nest's own messages come out the same way.
 */
export class JsonLogger implements LoggerService {
  readonly service: string;
  private readonly threshold: number;
  private readonly sink: LogSink;

  constructor(options: JsonLoggerOptions) {
    this.service = options.service;
    this.threshold = ORDER[options.level ?? 'info'];
    this.sink = options.sink ?? stdoutSink;
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.nest('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.nest('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    this.nest(context !== undefined && CHATTY_NEST_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.nest('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.nest('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.nest('error', message, params);
  }

  /** The structured entry point for our own code: a message plus fields. */
  write(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    if (ORDER[level] < this.threshold) {
      return;
    }
    const context = currentContext();
    const record = {
      level,
      time: new Date().toISOString(),
      service: this.service,
      msg,
      correlationId: context?.correlationId,
      tenantId: context?.tenantId,
      userId: context?.userId,
      ...(redact(fields) as Record<string, unknown>),
    };
    this.sink(JSON.stringify(record));
  }

  // Nest calls (message, ...optionalParams, context?); error adds a stack before the context.
  private nest(level: LogLevel, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' && rest.length > 0 ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context !== undefined) {
      fields.context = context;
    }
    if (level === 'error' && typeof rest[0] === 'string') {
      fields.stack = rest.shift();
    }
    if (rest.length > 0) {
      fields.details = rest;
    }
    if (message instanceof Error) {
      this.write(level, message.message, { ...fields, error: message.name, stack: message.stack });
    } else if (typeof message === 'object' && message !== null) {
      const { msg, message: text, ...others } = message as Record<string, unknown>;
      this.write(level, typeof msg === 'string' ? msg : typeof text === 'string' ? text : '', {
        ...fields,
        ...others,
      });
    } else {
      this.write(level, String(message), fields);
    }
  }
}
