import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale';
import { catalogs, translate } from './translate';

describe('server message catalogs', () => {
  it('every locale has every key that another locale has', () => {
    const all = new Set(LOCALES.flatMap((l) => Object.keys(catalogs[l])));
    for (const locale of LOCALES) {
      const missing = [...all].filter((k) => !(k in catalogs[locale]));
      expect(missing, `missing in ${locale}`).toEqual([]);
    }
  });

  it('every locale keeps the placeholders of the English text', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(catalogs['en-US'])) {
      for (const locale of LOCALES) {
        expect(placeholders(catalogs[locale][key] ?? ''), `${locale} ${key}`).toEqual(placeholders(en));
      }
    }
  });

  it('fills placeholders and translates entity names', () => {
    expect(translate('ru-RU', 'not_found', { entity: 'store' })).toBe('Объект «магазин» не найден.');
    expect(translate('zh-CN', 'rate_limited', { seconds: 5 })).toContain('5');
  });
});
