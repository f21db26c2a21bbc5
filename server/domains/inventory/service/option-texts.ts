// What inventory uses from the platform domain: a category's attribute definitions, so the stock page
// names a SKU's options in the reader's language ("Красный / XL") as the product editor does, not "red / XL".
import type { AnyCtx } from '../../../platform/db/tenant';
import { type CategoryRules, categoryRules, type SkuOptionText, skuOptionTexts } from '../../platform';
import type { SkuCard } from './catalog-refs';

/** The cards' options for display in ctx.locale, by SKU id; one rules look-up per category, none without options. */
export async function optionTextsOf(
  ctx: Pick<AnyCtx, 'tx' | 'now' | 'locale'>,
  cards: Iterable<SkuCard>,
): Promise<Map<string, SkuOptionText[]>> {
  const withOptions = [...cards].filter((c) => Object.keys(c.options).length > 0);
  const rulesOf = new Map<string, CategoryRules | null>();
  for (const categoryId of new Set(withOptions.map((c) => c.categoryId)))
    rulesOf.set(categoryId, await categoryRules(ctx, categoryId));
  return new Map(
    withOptions.map((c) => [c.id, skuOptionTexts(c.options, rulesOf.get(c.categoryId) ?? null, ctx.locale)]),
  );
}
