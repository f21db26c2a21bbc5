import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertMinorAmount,
  convertMinorNumber,
  divRoundHalfEven,
  fractionToDecimal,
  invert,
  isRateString,
  normalizeDecimal,
  parseDecimal,
} from './convert';

describe('divRoundHalfEven', () => {
  it('rounds ties to the even neighbour, both signs', () => {
    expect(divRoundHalfEven(5n, 2n)).toBe(2n); // 2.5 → 2
    expect(divRoundHalfEven(7n, 2n)).toBe(4n); // 3.5 → 4
    expect(divRoundHalfEven(-5n, 2n)).toBe(-2n);
    expect(divRoundHalfEven(-7n, 2n)).toBe(-4n);
    expect(divRoundHalfEven(5n, -2n)).toBe(-2n);
    expect(divRoundHalfEven(26n, 10n)).toBe(3n); // 2.6 → 3
    expect(divRoundHalfEven(24n, 10n)).toBe(2n); // 2.4 → 2
    expect(divRoundHalfEven(0n, 7n)).toBe(0n);
  });

  it('is never more than half a unit away, and exact for multiples', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const q = divRoundHalfEven(n, d);
          const diff = q * d - n;
          expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
          expect(divRoundHalfEven(n * d, d)).toBe(n);
        },
      ),
    );
  });

  it('refuses a zero divisor', () => {
    expect(() => divRoundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('decimal strings', () => {
  it('parses without floats', () => {
    expect(parseDecimal('7.1234')).toEqual({ num: 71234n, den: 10000n });
    expect(parseDecimal('12')).toEqual({ num: 12n, den: 1n });
    expect(parseDecimal('0.000000000001')).toEqual({ num: 1n, den: 10n ** 12n });
    expect(() => parseDecimal('1e5')).toThrow();
    expect(() => parseDecimal('-1')).toThrow();
    expect(() => parseDecimal('1.')).toThrow();
  });

  it('validates and normalizes rate strings', () => {
    expect(isRateString('12.5')).toBe(true);
    expect(isRateString('0.0001')).toBe(true);
    expect(isRateString('01.5')).toBe(false);
    expect(isRateString('1.1234567890123')).toBe(false);
    expect(isRateString('abc')).toBe(false);
    expect(normalizeDecimal('0012.5000')).toBe('12.5');
    expect(normalizeDecimal('3.000')).toBe('3');
    expect(normalizeDecimal('0.10')).toBe('0.1');
  });

  it('prints fractions half-even', () => {
    expect(fractionToDecimal(invert(parseDecimal('12.5')), 6)).toBe('0.08');
    expect(fractionToDecimal({ num: 1n, den: 3n }, 4)).toBe('0.3333');
    expect(fractionToDecimal({ num: 5n, den: 1000n }, 2)).toBe('0'); // 0.005 → 0.00 (even)
    expect(fractionToDecimal({ num: 15n, den: 1000n }, 2)).toBe('0.02'); // 0.015 → 0.02 (even)
    expect(fractionToDecimal({ num: -1n, den: 4n }, 1)).toBe('-0.2');
  });
});

describe('convertMinorAmount', () => {
  it('converts between 2-decimal currencies at a decimal rate', () => {
    // 100.00 CNY × 12.5 RUB/CNY = 1250.00 RUB
    expect(convertMinorAmount(10000, 'CNY', 'RUB', '12.5')).toBe(125000n);
    // 1.00 USD × 7.1234 = 7.1234 CNY → 7.12
    expect(convertMinorAmount(100, 'USD', 'CNY', '7.1234')).toBe(712n);
  });

  it('rounds ties half-even, not half-up', () => {
    // 0.01 CNY × 0.5 = 0.005 → 0.00 ; 0.03 × 0.5 = 0.015 → 0.02 ; 0.05 × 0.5 = 0.025 → 0.02
    expect(convertMinorAmount(1, 'CNY', 'USD', '0.5')).toBe(0n);
    expect(convertMinorAmount(3, 'CNY', 'USD', '0.5')).toBe(2n);
    expect(convertMinorAmount(5, 'CNY', 'USD', '0.5')).toBe(2n);
    expect(convertMinorAmount(7, 'CNY', 'USD', '0.5')).toBe(4n);
    expect(convertMinorAmount(-5, 'CNY', 'USD', '0.5')).toBe(-2n);
  });

  it('handles currencies without minor units (JPY)', () => {
    // 10.00 USD × 149.5 = 1495 JPY exactly
    expect(convertMinorAmount(1000, 'USD', 'JPY', '149.5')).toBe(1495n);
    // 0.01 USD × 150.5 = 1.505 JPY → 2 ; 0.01 × 152.5 = 1.525 → 2 ; 0.01 × 250 = 2.5 → 2 ; 0.01 × 350 = 3.5 → 4
    expect(convertMinorAmount(1, 'USD', 'JPY', '150.5')).toBe(2n);
    expect(convertMinorAmount(1, 'USD', 'JPY', '250')).toBe(2n);
    expect(convertMinorAmount(1, 'USD', 'JPY', '350')).toBe(4n);
    // 1500 JPY at 0.0067 USD/JPY = 10.05 USD
    expect(convertMinorAmount(1500, 'JPY', 'USD', '0.0067')).toBe(1005n);
    // 125 JPY × 0.004 = 0.5 USD exactly = 50 cents; 1 JPY × 0.045 CNY = 0.045 → 0.04 (tie, even)
    expect(convertMinorAmount(125, 'JPY', 'USD', '0.004')).toBe(50n);
    expect(convertMinorAmount(1, 'JPY', 'CNY', '0.045')).toBe(4n);
  });

  it('uses the inverse of a rate exactly (no rounded intermediate)', () => {
    // RUB → CNY with only CNY/RUB = 12.5: 1250.00 RUB / 12.5 = 100.00 CNY
    expect(convertMinorAmount(125000, 'RUB', 'CNY', invert(parseDecimal('12.5')))).toBe(10000n);
    // 1.00 RUB / 3 (rate 3 CNY→RUB) = 0.3333… → 0.33
    expect(convertMinorAmount(100, 'RUB', 'CNY', invert(parseDecimal('3')))).toBe(33n);
  });

  it('stays exact for large amounts where floats would drift', () => {
    const amount = 9_007_199_254_740_991n; // beyond this, floats lose cents
    expect(convertMinorAmount(amount, 'CNY', 'RUB', '1')).toBe(amount);
    expect(convertMinorAmount(amount * 10n, 'CNY', 'RUB', '0.1')).toBe(amount);
  });

  it('agrees with exact rational rounding for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.integer({ min: 0, max: 8 }),
        (amount, digits, scale) => {
          const rate = { num: digits, den: 10n ** BigInt(scale) };
          const out = convertMinorAmount(amount, 'USD', 'JPY', rate);
          // USD (2) → JPY (0): exact value = amount × rate / 100
          const exactNum = BigInt(amount) * digits;
          const exactDen = rate.den * 100n;
          const err = out * exactDen - exactNum;
          expect(2n * (err < 0n ? -err : err) <= exactDen).toBe(true);
        },
      ),
    );
  });

  it('refuses non-integer amounts, unknown currencies and results beyond safe integers', () => {
    expect(() => convertMinorAmount(1.5, 'CNY', 'RUB', '1')).toThrow(RangeError);
    expect(() => convertMinorAmount(1, 'XXX', 'RUB', '1')).toThrow(RangeError);
    expect(() => convertMinorNumber(Number.MAX_SAFE_INTEGER, 'CNY', 'RUB', '100')).toThrow(RangeError);
    expect(convertMinorNumber(10000, 'CNY', 'KZT', '66.05')).toBe(660500);
  });
});
