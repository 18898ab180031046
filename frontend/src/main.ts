import { initialLocale } from './lib/i18n.js';
import { showLocale } from './lib/show-locale.js';
import './app/hearth-app.js';

// The browser's language until the signed-in user's own choice is known (the shell applies it at sign-in).
void showLocale(initialLocale(localStorage, navigator.languages));

// The built dashboard keeps its shell in a service worker (frontend/sw.js) so it opens offline; not under the Vite dev
// server, whose modules are not the build's (MODE, not PROD: the e2e build runs with NODE_ENV=test).
// Browsers allow a service worker only in a secure context: HTTPS, or localhost.
if (import.meta.env.MODE === 'production' && 'serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
