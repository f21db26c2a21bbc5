import { countryName, currencyName } from './format';

export const COUNTRIES = [
  'CN',
  'HK',
  'TW',
  'SG',
  'MY',
  'TH',
  'VN',
  'ID',
  'PH',
  'JP',
  'KR',
  'IN',
  'AE',
  'SA',
  'TR',
  'RU',
  'KZ',
  'BY',
  'UZ',
  'UA',
  'PL',
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'GB',
  'IE',
  'SE',
  'US',
  'CA',
  'MX',
  'BR',
  'AU',
  'NZ',
];

export const CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'RUB',
  'GBP',
  'JPY',
  'KRW',
  'HKD',
  'SGD',
  'KZT',
  'AED',
  'TRY',
  'BRL',
  'AUD',
  'CAD',
];

export const LANGUAGES = ['zh-CN', 'en-US', 'ru-RU'] as const;
export type Locale = (typeof LANGUAGES)[number];

export function countryOptions(locale: string) {
  return COUNTRIES.map((c) => ({ value: c, label: `${countryName(c, locale)} (${c})` })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
}

export function currencyOptions(locale: string) {
  return CURRENCIES.map((c) => ({ value: c, label: `${c} — ${currencyName(c, locale)}` }));
}
