export const LOCALES = ['zh-CN', 'en-US', 'ru-RU'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-US';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Picks the best supported locale from an Accept-Language header ("ru,en;q=0.8"). */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const match = LOCALES.find((l) => l.toLowerCase() === tag || l.slice(0, 2) === tag.slice(0, 2));
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

const FALLBACK_ORDER: readonly Locale[] = ['en-US', 'zh-CN', 'ru-RU'];

/** A text in the reader's language, else English, else any language there is; null when there is none. */
export function localized(
  texts: Partial<Record<Locale, string>> | undefined | null,
  locale: string,
): string | null {
  if (!texts) return null;
  const own = isLocale(locale) ? texts[locale] : undefined;
  return own || FALLBACK_ORDER.map((l) => texts[l]).find((t) => !!t) || null;
}
