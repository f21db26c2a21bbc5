// Cell text → typed values: money, whole numbers, booleans, dates and attribute values as sellers type them.
import { LOCALES } from '../../../../platform/i18n/locale';
import type { CategoryRules } from '../deps';

type AttributeRule = CategoryRules['attributes'][number];
export type Params = Record<string, string | number>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params?: Params };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: string, params?: Params): Parsed<never> => ({ ok: false, code, params });

/** Spaces sellers put in numbers: ordinary, no-break, thin, narrow no-break; and the apostrophe (1'299). */
const GROUP_SPACES = /[\s\u00a0\u2009\u202f']/g;

/**
 * A decimal amount as a string of digits and one decimal point: "1 299,90", "1,299.90", "199.9",
 * "¥199" is not accepted (letters and symbols are not guessed).
 */
function normalizeDecimal(text: string): string | null {
  let s = text.trim().replace(GROUP_SPACES, '');
  if (s === '') return null;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s))
    s = s.replace(/,/g, ''); // 1,299.90
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && s.includes(','))
    s = s.replace(/\./g, '').replace(',', '.'); // 1.299,90
  else if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.'); // 199,90
  return /^\d+(\.\d+)?$/.test(s) ? s : null;
}

/** Money in major units → integer minor units, without floating point ("199.9" → 19990). */
export function parseMoney(text: string, minorUnits: number): Parsed<number> {
  const s = normalizeDecimal(text);
  if (s === null) return bad('import_not_a_price', { value: text.trim().slice(0, 40) });
  const [whole = '0', fraction = ''] = s.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > minorUnits) return bad('import_price_precision', { decimals: minorUnits });
  const minor = BigInt(whole) * 10n ** BigInt(minorUnits) + BigInt((trimmed || '0').padEnd(minorUnits, '0'));
  if (minor > 1_000_000_000_000n) return bad('import_number_too_large', { value: text.trim().slice(0, 40) });
  return ok(Number(minor));
}

/** A whole number ≥ 0 ("1 000", "12.0"). */
export function parseWhole(text: string): Parsed<number> {
  const s = normalizeDecimal(text);
  if (s === null || !/^\d+(\.0+)?$/.test(s))
    return bad('import_not_a_whole_number', { value: text.trim().slice(0, 40) });
  const n = Number(s.split('.')[0]);
  if (!Number.isSafeInteger(n) || n > 2_000_000_000)
    return bad('import_number_too_large', { value: text.trim().slice(0, 40) });
  return ok(n);
}

/** A number with a decimal point or comma ("12,5"), possibly negative. */
export function parseNumber(text: string): Parsed<number> {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const s = normalizeDecimal(negative ? trimmed.slice(1) : trimmed);
  if (s === null) return bad('import_not_a_number', { value: trimmed.slice(0, 40) });
  const n = Number(s);
  return Number.isFinite(n)
    ? ok(negative ? -n : n)
    : bad('import_not_a_number', { value: trimmed.slice(0, 40) });
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'да', 'д', '是', '有', 'x', '✓']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'нет', 'н', '否', '无', '没有']);

export function parseBoolean(text: string): Parsed<boolean> {
  const s = text.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return bad('import_not_a_boolean', { value: text.trim().slice(0, 40) });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A day: 2026-03-01, 2026/3/1, 01.03.2026, 2026年3月1日 → YYYY-MM-DD. */
export function parseDay(text: string): Parsed<string> {
  const s = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ].*)?$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
    if (!m) return bad('import_not_a_date', { value: s.slice(0, 40) });
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return bad('import_not_a_date', { value: s.slice(0, 40) });
  return ok(`${y}-${pad(mo)}-${pad(d)}`);
}

const optionKey = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** An option by its value or by its name in any console language. */
export function matchOption(rule: AttributeRule, text: string): string | null {
  const wanted = optionKey(text);
  for (const option of rule.options) {
    if (optionKey(option.value) === wanted) return option.value;
    for (const locale of LOCALES) {
      const name = option.names[locale];
      if (name && optionKey(name) === wanted) return option.value;
    }
  }
  return null;
}

/** Separators of several values in one cell: ; , | newline and the CJK commas. */
export const splitList = (text: string): string[] =>
  text
    .split(/[;,|\n\r，、；]/)
    .map((s) => s.trim())
    .filter(Boolean);

export type AttributeCell = string | number | boolean | string[];

/** A product attribute's cell → the value the product service takes (option values, numbers, booleans). */
export function parseAttribute(rule: AttributeRule, text: string): Parsed<AttributeCell> {
  const s = text.trim();
  switch (rule.type) {
    case 'text':
      return ok(s);
    case 'number':
      return parseNumber(s);
    case 'boolean':
      return parseBoolean(s);
    case 'date':
      return parseDay(s);
    case 'enum': {
      const value = matchOption(rule, s);
      return value === null
        ? bad('import_unknown_option', { value: s.slice(0, 100), options: optionList(rule) })
        : ok(value);
    }
    case 'multi_enum': {
      const values: string[] = [];
      for (const part of splitList(s)) {
        const value = matchOption(rule, part);
        if (value === null)
          return bad('import_unknown_option', { value: part.slice(0, 100), options: optionList(rule) });
        if (!values.includes(value)) values.push(value);
      }
      return ok(values);
    }
  }
  return ok(s);
}

/** A variant attribute's cell → the SKU's option value (always a string). */
export function parseOption(rule: AttributeRule, text: string): Parsed<string> {
  const single = rule.type === 'multi_enum' ? { ...rule, type: 'enum' as const } : rule;
  const parsed = parseAttribute(single, text);
  if (!parsed.ok) return parsed;
  return ok(String(parsed.value));
}

const optionList = (rule: AttributeRule) =>
  rule.options
    .slice(0, 30)
    .map((o) => o.value)
    .join(', ') + (rule.options.length > 30 ? ', …' : '');
