import { describe, expect, it } from 'vitest';
import { correlationIdFrom } from './correlation-id.js';

describe('correlationIdFrom', () => {
  it("keeps the caller's id", () => {
    expect(correlationIdFrom('0190a1b2-0000-7000-8000-000000000001')).toBe(
      '0190a1b2-0000-7000-8000-000000000001',
    );
  });

  it('makes one when absent or not a UUID (the envelope carries a UUID)', () => {
    for (const header of [
      undefined,
      '',
      'short',
      'has spaces in it',
      'x'.repeat(200),
      'line\nbreak-injection',
    ]) {
      expect(correlationIdFrom(header)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
});
