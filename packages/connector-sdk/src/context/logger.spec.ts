import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from './logger.js';

describe('createLogger', () => {
  it('never writes tokens, secrets or configured secret fields', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ sink: (record) => records.push(record), secretKeys: ['appKey'] }).child({
      network: 'example',
    });
    logger.info('calling with Bearer abc.def.ghi', {
      credentials: { accountId: '1', accessToken: 'tok-123' },
      headers: { Authorization: 'Bearer tok-123' },
      appKey: 'k-456',
      clientSecret: 's-789',
      accountId: '1',
    });
    const line = JSON.stringify(records);
    for (const secret of ['tok-123', 'abc.def.ghi', 'k-456', 's-789']) {
      expect(line).not.toContain(secret);
    }
    expect(records[0]).toMatchObject({ level: 'info', network: 'example', accountId: '1' });
  });

  it('drops records below the level', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ level: 'warn', sink: (record) => records.push(record) });
    logger.info('hidden');
    logger.warn('shown');
    expect(records.map((record) => record.message)).toEqual(['shown']);
  });
});
