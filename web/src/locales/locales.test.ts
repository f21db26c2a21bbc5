import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const LOCALES = ['zh-CN', 'en-US', 'ru-RU'];

function flatten(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flatten(child, prefix ? `${prefix}.${key}` : key),
  );
}

function namespaces(locale: string): string[] {
  return readdirSync(join(here, locale))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

function load(locale: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(here, locale, `${ns}.json`), 'utf8')) as Record<string, unknown>;
}

const allNamespaces = [...new Set(LOCALES.flatMap(namespaces))].sort();

describe('locales', () => {
  it('has the same namespaces in every locale', () => {
    for (const locale of LOCALES) expect(namespaces(locale), locale).toEqual(allNamespaces);
  });

  for (const ns of allNamespaces) {
    it(`${ns}: every locale has every key another locale has`, () => {
      const keys = Object.fromEntries(LOCALES.map((l) => [l, new Set(flatten(load(l, ns)))]));
      const union = new Set(Object.values(keys).flatMap((s) => [...s]));
      for (const locale of LOCALES) {
        const missing = [...union].filter((k) => !keys[locale]?.has(k));
        expect(missing, `${locale}/${ns}.json is missing keys`).toEqual([]);
      }
    });

    it(`${ns}: no empty strings and matching {{placeholders}}`, () => {
      const reference = load('en-US', ns);
      const get = (obj: Record<string, unknown>, path: string) =>
        path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
      for (const locale of LOCALES) {
        const data = load(locale, ns);
        for (const key of flatten(data)) {
          const value = get(data, key);
          expect(
            typeof value === 'string' && value.trim().length > 0,
            `${locale}/${ns}:${key} is empty`,
          ).toBe(true);
          const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
          expect(vars(value), `${locale}/${ns}:${key} placeholders`).toEqual(vars(get(reference, key)));
        }
      }
    });
  }
});
