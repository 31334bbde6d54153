import { describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from '@chorus/service-kit';
import { serviceConfigSchema } from '../src/config/service-config.js';

// CHORUS_PUBLISHER_CONCURRENCY: how many publish attempts one content process runs at once (docs/publishing.md).

const serviceEnv = {
  DATABASE_URL: 'postgres://chorus@db/chorus',
  KAFKA_BROKERS: 'kafka:9092',
  CHORUS_IDENTITY_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
};

describe('CHORUS_PUBLISHER_CONCURRENCY', () => {
  it('is unset by default (the publisher runs 256) and read as a whole number when given', () => {
    expect(loadConfig(serviceConfigSchema, serviceEnv).CHORUS_PUBLISHER_CONCURRENCY).toBeUndefined();
    expect(
      loadConfig(serviceConfigSchema, { ...serviceEnv, CHORUS_PUBLISHER_CONCURRENCY: '1000' })
        .CHORUS_PUBLISHER_CONCURRENCY,
    ).toBe(1000);
  });

  it.each(['0', '5001', '2.5', 'many'])('refuses %s, naming the variable and the range', (value) => {
    let problem: unknown;
    try {
      loadConfig(serviceConfigSchema, { ...serviceEnv, CHORUS_PUBLISHER_CONCURRENCY: value });
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(InvalidConfigError);
    expect((problem as Error).message).toContain('CHORUS_PUBLISHER_CONCURRENCY');
    expect((problem as Error).message).toMatch(/1 to 5000/u);
  });
});
