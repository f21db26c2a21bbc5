import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../shared/api/client';

export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en-US', label: 'English' },
  { code: 'ru-RU', label: 'Русский' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const NAMESPACES = [
  'common',
  'auth',
  'home',
  'account',
  'company',
  'stores',
  'team',
  'audit',
  'notifications',
  'platform',
  'catalogConfig',
  'inventory',
  'catalog',
  'dev',
] as const;

const LANGUAGE_STORAGE_KEY = 'sc.lang';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match?.[1] || !match[2]) continue;
  const bundle = resources[match[1]] ?? {};
  bundle[match[2]] = mod.default;
  resources[match[1]] = bundle;
}

export function normalizeLanguage(value: string | null | undefined): Language | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  return LANGUAGES.find((l) => l.code.toLowerCase() === lower || l.code.slice(0, 2) === lower.slice(0, 2))
    ?.code;
}

function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  return normalizeLanguage(stored) ?? normalizeLanguage(navigator.language) ?? 'en-US';
}

/** Switches the UI language (and what the API is asked to answer in); remembered in this browser. */
export async function changeLanguage(language: string): Promise<void> {
  const code = normalizeLanguage(language) ?? 'en-US';
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // storage unavailable
  }
  setApiLanguage(code);
  document.documentElement.lang = code;
  if (i18n.language !== code) await i18n.changeLanguage(code);
}

const language = initialLanguage();
setApiLanguage(language);
document.documentElement.lang = language;

void i18n.use(initReactI18next).init({
  resources,
  lng: language,
  fallbackLng: 'en-US',
  ns: [...NAMESPACES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
