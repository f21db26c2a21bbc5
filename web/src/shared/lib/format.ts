import { useTranslation } from 'react-i18next';

export function formatDateTime(value: string | number | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(value: string | number | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale).format(value);
}

/** Money arrives as minor units (bigint serialised as string or number) plus an ISO currency code. */
export function formatMoney(
  minor: number | string | null | undefined,
  currency: string,
  locale: string,
): string {
  if (minor === null || minor === undefined) return '—';
  const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(Number(minor) / 10 ** digits);
}

export function formatRelative(value: string | number | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDate(date, locale);
}

export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Formatters bound to the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    locale,
    dateTime: (v: string | number | Date | null | undefined) => formatDateTime(v, locale),
    date: (v: string | number | Date | null | undefined) => formatDate(v, locale),
    number: (v: number | null | undefined) => formatNumber(v, locale),
    money: (minor: number | string | null | undefined, currency: string) =>
      formatMoney(minor, currency, locale),
    relative: (v: string | number | Date | null | undefined) => formatRelative(v, locale),
    country: (code: string) => countryName(code, locale),
    currency: (code: string) => currencyName(code, locale),
  };
}
