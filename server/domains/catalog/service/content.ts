// A product's content: input schemas and the checks against its category's rules.
import { z } from 'zod';
import type { FieldError } from '../../../platform/http/errors';
import { LOCALES } from '../../../platform/i18n/locale';
import type { AttributeValues, Lang, PerLang, ProductContent } from '../schema';
import type { CategoryRules } from './deps';

export const LANGS: readonly Lang[] = LOCALES;

/** Text per language; an empty string removes that language. */
export const perLang = (max: number, what: string) =>
  z
    .object({
      'zh-CN': z.string().trim().max(max).optional(),
      'en-US': z.string().trim().max(max).optional(),
      'ru-RU': z.string().trim().max(max).optional(),
    })
    .strict()
    .describe(`${what} by language (zh-CN, en-US, ru-RU), at most ${max} characters each; "" removes one.`);

export const attributeValue = z
  .union([
    z.string().trim().max(1000),
    z.number().finite(),
    z.boolean(),
    z.array(z.string().trim().min(1).max(200)).max(100),
    z.null(),
  ])
  .describe(
    'text and date (YYYY-MM-DD) attributes: a string; number: a number; enum: one option value; ' +
      'multi_enum: an array of option values; boolean: true/false; null or "" clears the value.',
  );

export const attributesInput = z
  .record(z.string().min(1).max(50), attributeValue)
  .describe('Attribute values by attribute key (the category rules list the keys, types and options).');

/** Drops empty languages, so a missing and an empty text are the same. */
export function cleanPerLang(value: PerLang | undefined | null): PerLang {
  const out: PerLang = {};
  for (const lang of LANGS) {
    const text = value?.[lang]?.trim();
    if (text) out[lang] = text;
  }
  return out;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDay = (s: string) => ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

type AttributeRule = CategoryRules['attributes'][number];

/** One value against its attribute's type and options; the error code, or null when it fits. */
function valueProblem(
  rule: AttributeRule,
  value: unknown,
): { code: string; params?: FieldError['params'] } | null {
  const options = rule.options.map((o) => o.value);
  switch (rule.type) {
    case 'text':
      return typeof value === 'string' ? null : { code: 'attribute_type', params: { type: rule.type } };
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return null;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return null;
      return { code: 'attribute_type', params: { type: rule.type } };
    case 'boolean':
      return typeof value === 'boolean' ? null : { code: 'attribute_type', params: { type: rule.type } };
    case 'date':
      return typeof value === 'string' && isIsoDay(value)
        ? null
        : { code: 'attribute_type', params: { type: rule.type } };
    case 'enum':
      if (typeof value !== 'string') return { code: 'attribute_type', params: { type: rule.type } };
      return options.includes(value)
        ? null
        : { code: 'attribute_option', params: { value, options: options.join(', ') } };
    case 'multi_enum': {
      if (!Array.isArray(value)) return { code: 'attribute_type', params: { type: rule.type } };
      const bad = value.find((v) => !options.includes(String(v)));
      if (bad !== undefined)
        return { code: 'attribute_option', params: { value: String(bad), options: options.join(', ') } };
      return new Set(value).size === value.length ? null : { code: 'attribute_duplicate_option' };
    }
  }
  return null;
}

function normalizeValue(rule: AttributeRule, value: unknown): AttributeValues[string] {
  if (rule.type === 'number' && typeof value === 'string') return Number(value);
  if (typeof value === 'string') return value.trim();
  return value as AttributeValues[string];
}

/**
 * Product-level attribute values against the category: known keys only, not variant axes (those are
 * per SKU), right type and option. Empty values are dropped: a draft may be incomplete, required
 * attributes are checked at submission. Errors point at `<prefix>.<key>`.
 */
export function checkAttributes(
  rules: CategoryRules,
  input: Record<string, unknown>,
  prefix: string,
): { values: AttributeValues; errors: FieldError[] } {
  const byKey = new Map(rules.attributes.map((a) => [a.key, a]));
  const values: AttributeValues = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(input)) {
    const path = `${prefix}.${key}`;
    const rule = byKey.get(key);
    if (!rule) {
      errors.push({ path, message: 'attribute_unknown', code: 'attribute_unknown', params: { key } });
      continue;
    }
    if (rule.variant) {
      errors.push({ path, message: 'attribute_is_variant', code: 'attribute_is_variant', params: { key } });
      continue;
    }
    if (isEmpty(value)) continue;
    const problem = valueProblem(rule, value);
    if (problem) errors.push({ path, message: problem.code, code: problem.code, params: problem.params });
    else values[key] = normalizeValue(rule, value);
  }
  return { values, errors };
}

/** The attributes that still fit a (new) category; the others are dropped when the category changes. */
export function keepFittingAttributes(rules: CategoryRules, values: AttributeValues): AttributeValues {
  const byKey = new Map(rules.attributes.map((a) => [a.key, a]));
  const out: AttributeValues = {};
  for (const [key, value] of Object.entries(values)) {
    const rule = byKey.get(key);
    if (rule && !rule.variant && !valueProblem(rule, value)) out[key] = value;
  }
  return out;
}

/** The option axes of a category's SKUs: its variant attributes, in order. */
export const variantAxes = (rules: CategoryRules) => rules.attributes.filter((a) => a.variant);

/** A SKU's option values (all strings) against the variant axes; missing axes are checked at submission. */
export function checkOptions(
  rules: CategoryRules,
  options: Record<string, string>,
  prefix: string,
): { values: Record<string, string>; errors: FieldError[] } {
  const axes = new Map(variantAxes(rules).map((a) => [a.key, a]));
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(options)) {
    const path = `${prefix}.${key}`;
    const rule = axes.get(key);
    if (!rule) {
      errors.push({ path, message: 'option_unknown', code: 'option_unknown', params: { key } });
      continue;
    }
    const value = raw.trim();
    if (value === '') continue;
    const asTyped = rule.type === 'boolean' ? value === 'true' || (value === 'false' ? false : value) : value;
    const problem = valueProblem(rule.type === 'multi_enum' ? { ...rule, type: 'enum' } : rule, asTyped);
    if (problem) errors.push({ path, message: problem.code, code: problem.code, params: problem.params });
    else values[key] = value;
  }
  return { values, errors };
}

/** The option combination of a SKU as one comparable key (axes sorted). */
export const optionsKey = (options: Record<string, string>) =>
  JSON.stringify(Object.entries(options).sort(([a], [b]) => a.localeCompare(b)));

export interface SubmissionFacts {
  content: ProductContent;
  rules: CategoryRules | null;
  skus: { code: string; options: Record<string, string>; status: string }[];
  /** Document types covered by valid (unexpired) documents linked to the product. */
  validDocumentTypeIds: string[];
}

/**
 * Everything that keeps a product from review, all at once (a seller fixes them in one go).
 * Paths name product fields: `title.ru-RU`, `attributes.size`, `images`, `documents.eac_declaration`,
 * `skus.1.options.color`.
 */
export function submissionProblems(facts: SubmissionFacts): FieldError[] {
  const { content, rules } = facts;
  const problems: FieldError[] = [];
  const add = (path: string, code: string, params?: FieldError['params']) =>
    problems.push({ path, message: code, code, params });
  if (!rules) {
    add('categoryId', 'category_not_found');
    return problems;
  }
  if (!rules.active) add('categoryId', 'category_inactive');
  else if (!rules.isLeaf) add('categoryId', 'category_not_leaf');
  const languages = new Set<string>(rules.requiredLanguages);
  if (languages.size === 0) {
    // Without a rule, a product needs a title and a description in at least one language.
    if (!LANGS.some((l) => content.title[l])) add('title', 'title_required');
    if (!LANGS.some((l) => content.description[l])) add('description', 'description_required');
  }
  for (const lang of languages) {
    if (!content.title[lang as Lang]) add(`title.${lang}`, 'language_required', { lang });
    if (!content.description[lang as Lang]) add(`description.${lang}`, 'language_required', { lang });
  }
  for (const attr of rules.attributes) {
    if (attr.variant || !attr.required) continue;
    if (isEmpty(content.attributes[attr.key])) add(`attributes.${attr.key}`, 'attribute_required');
  }
  // Values kept from an earlier category or a changed option list.
  const { errors } = checkAttributes(rules, content.attributes, 'attributes');
  problems.push(...errors);
  const images = content.imageIds.length;
  if (images < rules.minImages) add('images', 'too_few_images', { min: rules.minImages, current: images });
  if (images > rules.maxImages) add('images', 'too_many_images', { max: rules.maxImages, current: images });
  const covered = new Set(facts.validDocumentTypeIds);
  for (const type of rules.documentTypes) {
    if (!covered.has(type.id)) add(`documents.${type.key}`, 'document_required', { type: type.key });
  }
  const active = facts.skus.filter((s) => s.status === 'active');
  if (active.length === 0) add('skus', 'sku_required');
  const axes = variantAxes(rules);
  const seen = new Map<string, number>();
  facts.skus.forEach((sku, i) => {
    for (const axis of axes) {
      if (!sku.options[axis.key]) add(`skus.${i}.options.${axis.key}`, 'option_required', { key: axis.key });
    }
    const { errors: optionErrors } = checkOptions(rules, sku.options, `skus.${i}.options`);
    problems.push(...optionErrors);
    const key = optionsKey(sku.options);
    const first = seen.get(key);
    if (first !== undefined)
      add(`skus.${i}.options`, 'duplicate_options', { other: facts.skus[first]?.code ?? '' });
    else seen.set(key, i);
  });
  return problems;
}
