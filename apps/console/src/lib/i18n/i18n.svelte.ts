import en from './messages/en.json';
import he from './messages/he.json';
import it from './messages/it.json';

/** The console's languages; scripts/check-i18n.mjs fails the lint when a catalogue lacks a key of another. */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', messages: en },
  he: { name: 'עברית', dir: 'rtl', messages: he },
  it: { name: 'Italiano', dir: 'ltr', messages: it },
} as const;

export type Locale = keyof typeof LOCALES;
export type MessageKey = keyof typeof en;

const STORAGE_KEY = 'chorus.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && value in LOCALES;
}

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(stored)) {
    return stored;
  }
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

const state = $state<{ locale: Locale }>({ locale: initialLocale() });

export const i18n = {
  get locale(): Locale {
    return state.locale;
  },
  get dir(): 'ltr' | 'rtl' {
    return LOCALES[state.locale].dir;
  },
  /** Switches the language, and with Hebrew the whole layout's direction (html dir, logical CSS properties). */
  set(locale: Locale): void {
    state.locale = locale;
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    applyToDocument();
  },
};

export function applyToDocument(): void {
  document.documentElement.lang = state.locale;
  document.documentElement.dir = LOCALES[state.locale].dir;
}

/** The message in the current language; `{name}` placeholders take `params.name`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const messages: Record<string, string> = LOCALES[state.locale].messages;
  const template = messages[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Date and time in the current language, in the viewer's zone. */
export function formatDateTime(iso: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(state.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...options,
  }).format(new Date(iso));
}
