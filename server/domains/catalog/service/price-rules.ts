// Pure pricing rules: price endings of converted ("follow") store prices, and the quarantine test.

/**
 * How a price converted into a store's currency is rounded, so that a buyer sees 1 299 ₽ or ¥99.90
 * rather than 1 287.34 ₽. A rule allows prices `k × step + ending` (minor units, k ≥ 0); the converted
 * amount goes to the nearest allowed price (halfway goes up). Currencies without a rule keep the
 * converted amount (already rounded half-even to the currency's minor units).
 */
export const PRICE_ENDINGS: Readonly<Record<string, { step: number; ending: number; example: string }>> = {
  RUB: { step: 1000, ending: 900, example: '1 287.34 → 1 289.00' },
  CNY: { step: 100, ending: 90, example: '99.62 → 99.90' },
  USD: { step: 100, ending: 99, example: '12.40 → 11.99' },
  EUR: { step: 100, ending: 99, example: '12.60 → 12.99' },
  GBP: { step: 100, ending: 99, example: '12.60 → 12.99' },
  KZT: { step: 100, ending: 0, example: '4 520.60 → 4 521' },
  UZS: { step: 100, ending: 0, example: '125 400.40 → 125 400' },
  BYN: { step: 10, ending: 9, example: '12.33 → 12.29' },
  JPY: { step: 1, ending: 0, example: '1 280 → 1 280' },
  KRW: { step: 1, ending: 0, example: '12 800 → 12 800' },
};

/** The text of the price-ending table, for API descriptions. */
export const PRICE_ENDINGS_DOC = Object.entries(PRICE_ENDINGS)
  .map(([code, r]) => `${code}: ${r.example}`)
  .join('; ');

/** Rounds a converted amount (minor units) to the store currency's price ending. Never returns 0 for a positive amount. */
export function applyPriceEnding(currency: string, amount: number): number {
  const rule = PRICE_ENDINGS[currency];
  if (!rule || amount <= 0) return amount;
  const k = Math.max(0, Math.floor((amount - rule.ending + rule.step / 2) / rule.step));
  const price = k * rule.step + rule.ending;
  return price > 0 ? price : rule.step;
}

/** The price a buyer pays: the sale price when set, else the list price. */
export const effectivePrice = (p: { listPrice: number; salePrice: number | null }) =>
  p.salePrice ?? p.listPrice;

/**
 * A change is held for confirmation when it multiplies or divides the list price or the price paid
 * by `factor` or more at once (a typo like 1 990 → 19 900, or 1 990 → 199).
 */
export function needsQuarantine(
  before: { listPrice: number; salePrice: number | null },
  after: { listPrice: number; salePrice: number | null },
  factor: number,
): boolean {
  const jump = (a: number, b: number) => a > 0 && b > 0 && (b >= a * factor || b * factor <= a);
  // A price going to zero from a positive one is a jump too.
  const toZero = (a: number, b: number) => a > 0 && b === 0;
  const pairs: [number, number][] = [
    [before.listPrice, after.listPrice],
    [effectivePrice(before), effectivePrice(after)],
  ];
  return pairs.some(([a, b]) => jump(a, b) || toZero(a, b));
}
