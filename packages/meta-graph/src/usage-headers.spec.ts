import { describe, expect, it } from 'vitest';
import { systemClock } from '@chorus/connector-sdk';
import { readUsage } from './usage-headers.js';
import { UsageGate } from './usage-gate.js';

describe('readUsage (network-apis.md 1.3)', () => {
  it('takes the highest percentage of every header and the regain time in minutes', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":28,"total_cputime":25,"total_time":25}',
      'x-business-use-case-usage': JSON.stringify({
        '123': [
          {
            type: 'pages',
            call_count: 10,
            total_cputime: 4,
            total_time: 96,
            estimated_time_to_regain_access: 2,
          },
        ],
      }),
    });
    expect(readUsage(headers)).toEqual({ highestPercent: 96, regainSeconds: 120 });
  });

  it('ignores a header that is not JSON, and answers undefined without headers', () => {
    expect(readUsage(new Headers({ 'x-app-usage': 'not json' }))).toBeUndefined();
    expect(readUsage(new Headers())).toBeUndefined();
  });
});

describe('UsageGate', () => {
  it('holds an account at 100 % or while a regain time runs, and only that account', () => {
    const gate = new UsageGate(systemClock);
    gate.record('a', { highestPercent: 99, regainSeconds: 0 });
    expect(() => gate.check('a', 'x', 'Facebook')).not.toThrow();
    gate.record('a', { highestPercent: 100, regainSeconds: 0 });
    expect(() => gate.check('a', 'x', 'Facebook')).toThrow(/budget/);
    expect(() => gate.check('b', 'x', 'Facebook')).not.toThrow();
    gate.record('b', { highestPercent: 10, regainSeconds: 300 });
    expect(() => gate.check('b', 'x', 'Facebook')).toThrow(expect.objectContaining({ retryAfter: 300 }));
  });
});
