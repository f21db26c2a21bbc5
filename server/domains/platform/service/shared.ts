import { z } from 'zod';
import { AppError, type ErrorParams } from '../../../platform/http/errors';
import { LOCALES } from '../../../platform/i18n/locale';
import type { Translated } from '../schema';

export const LANGS = LOCALES;

const nameText = (max: number) => z.string().trim().min(1).max(max);

/** A name in every console language (zh-CN, en-US, ru-RU): sellers and operators see all three. */
export const translatedNames = (max = 120) =>
  z
    .object({ 'zh-CN': nameText(max), 'en-US': nameText(max), 'ru-RU': nameText(max) })
    .strict()
    .describe('The text in zh-CN, en-US and ru-RU (all three required).');

/** Optional translations (falls back to a value or another language when missing). */
export const optionalNames = (max = 120) =>
  z
    .object({
      'zh-CN': nameText(max).optional(),
      'en-US': nameText(max).optional(),
      'ru-RU': nameText(max).optional(),
    })
    .strict()
    .describe('Translations by language; missing ones fall back to the value.');

export const translatedSchema = z
  .object({ 'zh-CN': z.string().optional(), 'en-US': z.string().optional(), 'ru-RU': z.string().optional() })
  .meta({ id: 'TranslatedText' });

/** Machine keys: lower-case letters, digits and underscores, starting with a letter. */
export const keySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'key: 2–50 of a–z, 0–9 and _, starting with a letter')
  .describe('Stable machine key (a–z, 0–9, _); cannot be changed later.');

export const asTranslated = (value: unknown): Translated => (value ?? {}) as Translated;

/** A 409 that also points at the field, so forms can show it beside the input. */
export function fieldConflict(path: string, code: string, params: ErrorParams = {}): AppError {
  return new AppError(code, { status: 409, params, errors: [{ path, message: code, code, params }] });
}

/** Turns the violation of one named unique index into a clear error; everything else is rethrown. */
export async function guardUnique<T>(
  constraint: string,
  toError: () => AppError,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = e.code === '23505' ? e : e.cause;
    if (pg?.code === '23505' && pg.constraint === constraint) throw toError();
    throw err;
  }
}

/** Only the keys that were sent (undefined means "leave as is"; null clears). */
export const definedOnly = <T extends Record<string, unknown>>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;

/** An ISO date (YYYY-MM-DD) in UTC. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
