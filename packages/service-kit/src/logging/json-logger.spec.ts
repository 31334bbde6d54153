import { describe, expect, it } from 'vitest';
import { runWithContext } from '../context/request-context.js';
import { JsonLogger } from './json-logger.js';

function capture(level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  const logger = new JsonLogger({ service: 'strategy', level, sink: (l) => lines.push(l) });
  return { logger, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('JsonLogger', () => {
  it('writes one JSON line with level, time, service, msg and the correlation id of the context', () => {
    const { logger, records } = capture();
    runWithContext({ correlationId: 'corr-1234567', tenantId: 't1' }, () =>
      logger.write('info', 'goal set', { goalId: 'g1' }),
    );
    expect(records()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'strategy',
        msg: 'goal set',
        correlationId: 'corr-1234567',
        tenantId: 't1',
        goalId: 'g1',
      }),
    ]);
    expect(Number.isNaN(Date.parse(records()[0]!.time as string))).toBe(false);
  });

  it('masks secret-looking fields, however deep', () => {
    const { logger, records } = capture();
    logger.write('info', 'x', {
      password: 'p',
      nested: { apiKey: 'k', accessToken: 't', keep: 1 },
      headers: { authorization: 'Bearer x' },
    });
    expect(records()[0]).toMatchObject({
      password: '[redacted]',
      nested: { apiKey: '[redacted]', accessToken: '[redacted]', keep: 1 },
      headers: { authorization: '[redacted]' },
    });
  });

  it("speaks Nest's LoggerService and quiets its start-up narration", () => {
    const { logger, records } = capture();
    logger.log('Mapped {/goals, POST} route', 'RouterExplorer');
    logger.warn('careful', 'SomeContext');
    logger.error('boom', 'stack here', 'ExceptionsHandler');
    expect(records()).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'careful', context: 'SomeContext' }),
      expect.objectContaining({
        level: 'error',
        msg: 'boom',
        stack: 'stack here',
        context: 'ExceptionsHandler',
      }),
    ]);
  });

  it('drops records below its level', () => {
    const { logger, records } = capture('info');
    logger.write('debug', 'noise');
    expect(records()).toEqual([]);
  });
});
