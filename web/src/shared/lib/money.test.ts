import { describe, expect, it } from 'vitest';
import { formatMoneyRange, fromMinor, minorDigits, toMinor } from './money';

describe('money helpers', () => {
  it('knows the minor-unit digits of a currency', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('RUB')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KRW')).toBe(0);
  });

  it('turns typed prices into integer minor units without floating-point drift', () => {
    expect(toMinor(19.99, 'CNY')).toBe(1999);
    expect(toMinor(0.29, 'USD')).toBe(29);
    expect(toMinor(1.005, 'USD')).toBe(101);
    expect(toMinor('12,5', 'RUB')).toBe(1250);
    expect(toMinor(1200, 'JPY')).toBe(1200);
    expect(toMinor(1200.4, 'JPY')).toBe(1200);
    expect(toMinor(-3.5, 'EUR')).toBe(-350);
  });

  it('keeps empty input empty', () => {
    expect(toMinor(null, 'CNY')).toBeNull();
    expect(toMinor(undefined, 'CNY')).toBeNull();
    expect(toMinor('', 'CNY')).toBeNull();
    expect(toMinor('abc', 'CNY')).toBeNull();
  });

  it('turns minor units back into major units', () => {
    expect(fromMinor(1999, 'CNY')).toBe(19.99);
    expect(fromMinor(1200, 'JPY')).toBe(1200);
    expect(fromMinor(null, 'CNY')).toBeNull();
  });

  it('formats a price range', () => {
    expect(formatMoneyRange(1250, 1250, 'USD', 'en-US')).toBe('$12.50');
    expect(formatMoneyRange(1250, 1990, 'USD', 'en-US')).toBe('$12.50 – $19.90');
    expect(formatMoneyRange(null, null, 'USD', 'en-US')).toBe('—');
    expect(formatMoneyRange(100, 200, null, 'en-US')).toBe('—');
  });
});
