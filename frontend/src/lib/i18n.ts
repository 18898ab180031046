import { configureLocalization, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';

/**
 * The dashboard's one message catalogue: Lit's own localisation (@lit/localize) in runtime mode. English is written in
 * place as `msg('Sign in', { id: 'login.submit' })`; French lives in ../locales/fr.ts under the same ids and is loaded
 * only when asked for. tests/unit/frontend/i18n.test.ts fails when an id lacks its French or French keeps a dead id.
 */
export { msg, str } from '@lit/localize';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, as a language picker shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français' };

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr'],
  loadLocale: () => import('../locales/fr.js'),
});

// Every dashboard element re-renders when the language changes, without each one opting in: element classes copy
// LitElement's initializers when they are defined, and they are all defined after this module ran (they import it).
LitElement.addInitializer(updateWhenLocaleChanges);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages ("fr-CA", "en-GB" …) that the dashboard speaks; English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

/** The language shown now: also what numbers and dates are formatted in (lib/format.ts). */
export function currentLocale(): Locale {
  const locale = getLocale();
  return isLocale(locale) ? locale : 'en';
}

/** Where this browser keeps the language it last showed (lib/show-locale.ts writes it). */
export const STORED_LOCALE_KEY = 'hearth.locale';

/** The language this browser last showed, so the sign-in page speaks it before any user is known. */
export function initialLocale(storage: { getItem(key: string): string | null }, languages: readonly string[]): Locale {
  const stored = storage.getItem(STORED_LOCALE_KEY);
  return isLocale(stored) ? stored : pickLocale(languages);
}

/** Loads the language's messages and re-renders every element; lib/show-locale.ts is the caller that also sets <html lang>. */
export const loadLocale = setLocale;
