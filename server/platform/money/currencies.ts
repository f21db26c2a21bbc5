/** ISO 4217 currencies the platform supports, with their minor-unit exponent. */
export const CURRENCIES: Record<string, { minorUnits: number }> = {
  CNY: { minorUnits: 2 },
  USD: { minorUnits: 2 },
  EUR: { minorUnits: 2 },
  RUB: { minorUnits: 2 },
  KZT: { minorUnits: 2 },
  BYN: { minorUnits: 2 },
  UZS: { minorUnits: 2 },
  GBP: { minorUnits: 2 },
  JPY: { minorUnits: 0 },
  KRW: { minorUnits: 0 },
  HKD: { minorUnits: 2 },
  SGD: { minorUnits: 2 },
  MYR: { minorUnits: 2 },
  THB: { minorUnits: 2 },
  VND: { minorUnits: 0 },
  IDR: { minorUnits: 2 },
  PHP: { minorUnits: 2 },
  TRY: { minorUnits: 2 },
  AED: { minorUnits: 2 },
};

export const CURRENCY_CODES = Object.keys(CURRENCIES);
export const isCurrency = (code: string): boolean => code in CURRENCIES;
