import { describe, expect, it } from 'vitest';
import { ConfigError } from '@chorus/persistence';
import { eventBusConfigFromEnv } from './event-bus-config.js';

describe('eventBusConfigFromEnv', () => {
  it('runs in-process when KAFKA_BROKERS is unset or blank', () => {
    expect(eventBusConfigFromEnv({})).toEqual({ transport: 'in-process' });
    expect(eventBusConfigFromEnv({ KAFKA_BROKERS: '  ' })).toEqual({ transport: 'in-process' });
  });

  it('reads a broker list and the client id', () => {
    expect(
      eventBusConfigFromEnv({
        KAFKA_BROKERS: 'kafka-1:9092, 10.0.0.7:19092,[::1]:9093',
        KAFKA_CLIENT_ID: 'content-7',
      }),
    ).toEqual({
      transport: 'kafka',
      brokers: ['kafka-1:9092', '10.0.0.7:19092', '[::1]:9093'],
      clientId: 'content-7',
    });
    expect(eventBusConfigFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092' })).toMatchObject({ clientId: 'chorus' });
  });

  it.each(['foo', 'host:notaport', 'host:', ':9092', 'host:70000', 'host:0', 'a:1,,b:2', 'a b:9092'])(
    'fails fast on KAFKA_BROKERS=%j, naming the variable',
    (value) => {
      let thrown: unknown;
      try {
        eventBusConfigFromEnv({ KAFKA_BROKERS: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).variable).toBe('KAFKA_BROKERS');
      expect((thrown as Error).message).toContain('KAFKA_BROKERS');
    },
  );

  it('rejects a client id Kafka would not accept', () => {
    expect(() => eventBusConfigFromEnv({ KAFKA_BROKERS: 'k:9092', KAFKA_CLIENT_ID: 'has space' })).toThrow(
      /KAFKA_CLIENT_ID/,
    );
  });
});
