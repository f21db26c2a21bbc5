import { formatMoney } from './format';

/** Digits after the decimal point of a currency's minor unit (CNY 2, JPY 0), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * A price typed by a person (major units, e.g. 12.5 yuan) → integer minor units (1250 fen).
 * Rounds half away from zero at the currency's precision; null/undefined/NaN stay null.
 */
export function toMinor(major: number | string | null | undefined, currency: string): number | null {
  if (major === null || major === undefined || major === '') return null;
  const value = typeof major === 'string' ? Number(major.replace(',', '.')) : major;
  if (!Number.isFinite(value)) return null;
  const digits = minorDigits(currency);
  // Shift the decimal point in the string: 19.99 * 100 is 1998.9999999999998 in floating point.
  const minor = Math.round(Number(`${Math.abs(value)}e${digits}`));
  return value < 0 ? -minor : minor;
}

/** Integer minor units → major units for an input (1250 fen → 12.5). */
export function fromMinor(minor: number | null | undefined, currency: string): number | null {
  if (minor === null || minor === undefined) return null;
  return minor / 10 ** minorDigits(currency);
}

/** "¥12.50" or "¥12.50 – ¥19.90" for a price range in minor units; "—" without prices. */
export function formatMoneyRange(
  min: number | null | undefined,
  max: number | null | undefined,
  currency: string | null | undefined,
  locale: string,
): string {
  if (!currency || min === null || min === undefined) return '—';
  const low = formatMoney(min, currency, locale);
  if (max === null || max === undefined || max === min) return low;
  return `${low} – ${formatMoney(max, currency, locale)}`;
}
