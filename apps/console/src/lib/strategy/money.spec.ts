import { describe, expect, it } from 'vitest';
import { formatMoney, fromMinor, toMinor } from './money.js';

describe('money in forms', () => {
  it('reads amounts as minor units of the currency', () => {
    expect(toMinor('1200', 'EUR')).toBe(120000);
    expect(toMinor('1 200,5', 'EUR')).toBe(120050);
    expect(toMinor('0.01', 'EUR')).toBe(1);
    expect(toMinor('1500', 'JPY')).toBe(1500);
    expect(toMinor('twelve', 'EUR')).toBeNull();
    expect(toMinor('', 'EUR')).toBeNull();
  });

  it('shows minor units back as the amount typed, and as money', () => {
    expect(fromMinor(120050, 'EUR')).toBe('1200.50');
    expect(fromMinor(1500, 'JPY')).toBe('1500');
    expect(formatMoney(120050, 'EUR', 'en')).toBe('€1,200.50');
  });
});
