// Attribute values as people read them: enum option names in the reader's language. One place, so the
// storefront's product page and the seller's stock page name a SKU's options with the same words.
import { localized } from '../../../platform/i18n/locale';
import type { CategoryRules, EffectiveAttribute } from './rules';

type OptionAttribute = Pick<EffectiveAttribute, 'options'>;

/** An option value → its name in the reader's language; the raw value when the attribute has no such option. */
export function optionText(attr: OptionAttribute | undefined, value: string, locale: string): string {
  const option = attr?.options.find((o) => o.value === value);
  return localized(option?.names, locale) ?? value;
}

export interface SkuOptionText {
  key: string;
  /** The attribute's name in the reader's language (the key when the category lacks the attribute). */
  name: string;
  value: string;
  /** The value for display: the option's name in the reader's language, else the value. */
  text: string;
}

/** A SKU's variant options in the category's attribute order, named in the reader's language. */
export function skuOptionTexts(
  options: Record<string, string>,
  rules: Pick<CategoryRules, 'attributes'> | null,
  locale: string,
): SkuOptionText[] {
  const byKey = new Map((rules?.attributes ?? []).map((a) => [a.key, a]));
  const order = (key: string) => byKey.get(key)?.position ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(options)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([key, value]) => {
      const attr = byKey.get(key);
      return {
        key,
        name: localized(attr?.names, locale) ?? key,
        value,
        text: optionText(attr, value, locale),
      };
    });
}
