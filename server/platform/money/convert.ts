import { CURRENCIES } from './currencies';

/**
 * Exact decimal arithmetic for currency conversion: rates are decimal strings turned into
 * fractions of BigInts, amounts are integer minor units, and the one rounding step is half-even.
 */

/** A positive rational number num/den, both BigInt. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/** A non-negative decimal like "7.1234" or "12": at most 18 integer and 12 fractional digits. */
export const RATE_PATTERN = /^(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,12})?$/;

export const isRateString = (value: string): boolean => RATE_PATTERN.test(value);

/** "7.1234" → 71234/10000. Throws on anything that is not a plain decimal string. */
export function parseDecimal(value: string): Fraction {
  if (!/^[0-9]+(?:\.[0-9]+)?$/.test(value)) throw new RangeError(`not a decimal: ${value}`);
  const [int = '0', frac = ''] = value.split('.');
  return { num: BigInt(int + frac), den: 10n ** BigInt(frac.length) };
}

/** The canonical text of a decimal string: no leading zeros, no trailing fractional zeros. */
export function normalizeDecimal(value: string): string {
  const [int = '0', frac = ''] = value.split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

export const invert = (f: Fraction): Fraction => {
  if (f.num === 0n) throw new RangeError('cannot invert zero');
  return { num: f.den, den: f.num };
};

/** n / d rounded to the nearest integer, ties to the even neighbour (banker's rounding). */
export function divRoundHalfEven(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) return divRoundHalfEven(-n, -d);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const r = abs % d;
  const twice = r * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

export function minorUnitsOf(currency: string): number {
  const c = CURRENCIES[currency];
  if (!c) throw new RangeError(`unknown currency ${currency}`);
  return c.minorUnits;
}

/**
 * Converts an amount in minor units of `from` into minor units of `to` at `rate` (units of `to`
 * per one unit of `from`), rounding once, half-even, to the target currency's minor units.
 *   target = amount × rate × 10^minor(to) / 10^minor(from)
 */
export function convertMinorAmount(
  amount: bigint | number,
  from: string,
  to: string,
  rate: Fraction | string,
): bigint {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`amount must be an integer number of minor units: ${amount}`);
  }
  const r = typeof rate === 'string' ? parseDecimal(rate) : rate;
  const a = BigInt(amount);
  const num = a * r.num * 10n ** BigInt(minorUnitsOf(to));
  const den = r.den * 10n ** BigInt(minorUnitsOf(from));
  return divRoundHalfEven(num, den);
}

/** The same as a JavaScript number (throws when the result leaves the safe-integer range). */
export function convertMinorNumber(
  amount: number,
  from: string,
  to: string,
  rate: Fraction | string,
): number {
  const out = convertMinorAmount(amount, from, to, rate);
  if (out > BigInt(Number.MAX_SAFE_INTEGER) || out < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('converted amount is out of the safe integer range');
  }
  return Number(out);
}

/** A fraction as a decimal string with `digits` fractional digits, half-even (for showing inverse rates). */
export function fractionToDecimal(f: Fraction, digits: number): string {
  const scaled = divRoundHalfEven(f.num * 10n ** BigInt(digits), f.den);
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const int = text.slice(0, text.length - digits);
  const frac = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return normalizeDecimal(`${int}${frac}`).replace(/^/, negative ? '-' : '');
}
