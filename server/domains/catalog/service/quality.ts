// Listing quality: a 0–100 score and stable hint codes, recomputed on every write of a product.
import type { ProductContent } from '../schema';
import { LANGS } from './content';
import type { CategoryRules } from './deps';

/**
 * Hint codes (stable: the console translates them) and what each costs:
 * - `missing_language:<lang>` (−8 each): no title or no description in zh-CN / en-US / ru-RU
 * - `short_title` (−5): a title shorter than 15 characters (CJK: 8)
 * - `short_description` (−10): a description shorter than 150 characters (CJK: 60)
 * - `no_images` (−30) / `too_few_images` (−15): none, or fewer than 3 (or the category minimum)
 * - `empty_required_attribute:<key>` (−10 each): a required attribute without a value
 * - `empty_optional_attribute:<key>` (−3 each, at most −15): an optional attribute without a value
 * - `no_keywords` (−5): no search keywords in any language
 * - `no_brand` (−5)
 * - `no_video` (−2)
 * - `no_skus` (−20): no active SKU
 * - `missing_barcode` (−5): an active SKU without a barcode
 * - `missing_dimensions` (−5): an active SKU without weight or dimensions
 */
export const QUALITY_HINTS_DOC =
  'Hint codes: missing_language:<lang>, short_title, short_description, no_images, too_few_images, ' +
  'empty_required_attribute:<key>, empty_optional_attribute:<key>, no_keywords, no_brand, no_video, ' +
  'no_skus, missing_barcode, missing_dimensions.';

export interface QualityFacts {
  content: Pick<ProductContent, 'brand' | 'title' | 'description' | 'keywords' | 'attributes' | 'videoUrl'>;
  imageCount: number;
  rules: Pick<CategoryRules, 'attributes' | 'minImages'> | null;
  skus: {
    status: string;
    barcode: string | null;
    weightGrams: number | null;
    lengthMm: number | null;
    widthMm: number | null;
    heightMm: number | null;
  }[];
}

const CJK = /[\u3400-\u9fff]/;
const lengthOk = (text: string, latin: number, cjk: number) => text.length >= (CJK.test(text) ? cjk : latin);

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export function computeQuality(facts: QualityFacts): { score: number; hints: string[] } {
  const hints: string[] = [];
  let score = 100;
  const hint = (code: string, cost: number) => {
    hints.push(code);
    score -= cost;
  };
  const { content } = facts;
  for (const lang of LANGS) {
    if (!content.title[lang] || !content.description[lang]) hint(`missing_language:${lang}`, 8);
  }
  const titles = LANGS.map((l) => content.title[l]).filter((t): t is string => !!t);
  if (titles.some((t) => !lengthOk(t, 15, 8))) hint('short_title', 5);
  const descriptions = LANGS.map((l) => content.description[l]).filter((t): t is string => !!t);
  if (descriptions.length === 0 || descriptions.some((d) => !lengthOk(d, 150, 60)))
    hint('short_description', 10);
  const wanted = Math.max(3, facts.rules?.minImages ?? 0);
  if (facts.imageCount === 0) hint('no_images', 30);
  else if (facts.imageCount < wanted) hint('too_few_images', 15);
  let optionalCost = 0;
  for (const attr of facts.rules?.attributes ?? []) {
    if (attr.variant || !isEmpty(content.attributes[attr.key])) continue;
    if (attr.required) hint(`empty_required_attribute:${attr.key}`, 10);
    else {
      const cost = Math.min(3, 15 - optionalCost);
      optionalCost += cost;
      hint(`empty_optional_attribute:${attr.key}`, cost);
    }
  }
  if (!LANGS.some((l) => content.keywords[l])) hint('no_keywords', 5);
  if (!content.brand) hint('no_brand', 5);
  if (!content.videoUrl) hint('no_video', 2);
  const active = facts.skus.filter((s) => s.status === 'active');
  if (active.length === 0) hint('no_skus', 20);
  if (active.some((s) => !s.barcode)) hint('missing_barcode', 5);
  if (active.some((s) => !s.weightGrams || !s.lengthMm || !s.widthMm || !s.heightMm))
    hint('missing_dimensions', 5);
  return { score: Math.max(0, Math.min(100, score)), hints };
}
