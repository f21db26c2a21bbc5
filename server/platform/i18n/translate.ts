import type { Locale } from './locale';
import en from './messages/en-US.json' with { type: 'json' };
import ru from './messages/ru-RU.json' with { type: 'json' };
import zh from './messages/zh-CN.json' with { type: 'json' };

export type Messages = Record<string, string>;

export const catalogs: Record<Locale, Messages> = { 'en-US': en, 'zh-CN': zh, 'ru-RU': ru };

/** Server-side text (error details, emails): `{{name}}` placeholders filled from params. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[locale][key] ?? catalogs['en-US'][key];
  if (template === undefined) return key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{{${name}}}`;
    // Entity names are keys too ("entity.store"): translate them when they are.
    const asKey = `entity.${String(value)}`;
    return name === 'entity' && catalogs[locale][asKey] ? (catalogs[locale][asKey] as string) : String(value);
  });
}

export const hasMessage = (key: string): boolean => key in catalogs['en-US'];
