import { currentLocale, loadLocale, STORED_LOCALE_KEY, type Locale } from './i18n.js';

/** Switches the whole dashboard and <html lang> (screen readers, hyphenation); resolves once the messages are loaded. */
export async function showLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORED_LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  if (locale !== currentLocale()) await loadLocale(locale);
}
