import { describe, expect, it } from 'vitest';
import { NonRetriableError, RetriableError, isRetriable } from './errors.js';

describe('isRetriable', () => {
  it('retries everything except errors that declare themselves non-retriable', () => {
    expect(isRetriable(new RetriableError('lock timeout'))).toBe(true);
    expect(isRetriable(new TypeError('unexpected'))).toBe(true);
    expect(isRetriable('a thrown string')).toBe(true);
    expect(isRetriable(new NonRetriableError('goal retired'))).toBe(false);
  });

  it('recognises a NonRetriableError from another copy of the package by its flag', () => {
    const foreign = Object.assign(new Error('from another copy'), { retriable: false });
    expect(isRetriable(foreign)).toBe(false);
  });
});
