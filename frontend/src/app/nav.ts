import { html, nothing } from 'lit';
import type { Route } from '../lib/router.js';
import { icon } from '../cards/head.js';
import { msg, str } from '../lib/i18n.js';

const ITEMS = [
  { path: '/', label: () => msg('Home', { id: 'nav.home' }), pages: ['home', 'entity', 'schedule'], icon: 'M10 20v-6h4v6h5v-8h3L12 3 2 12h3v8z' },
  { path: '/history', label: () => msg('History', { id: 'nav.history' }), pages: ['history'], icon: 'M3 3v18h18v-2H5V3zm4 12 4-4 3 3 5-6 1.5 1.3L14 17l-3-3-2.6 2.6z' },
  { path: '/energy', label: () => msg('Energy', { id: 'nav.energy' }), pages: ['energy'], icon: 'M12 4a9 9 0 0 0-7.8 13.5l1.7-1A7 7 0 1 1 19 13a7 7 0 0 1-.9 3.5l1.7 1A9 9 0 0 0 12 4m3.5 3.9-4.6 4.7a1.5 1.5 0 1 0 2.1 2.1z' },
  { path: '/automations', label: () => msg('Automations', { id: 'nav.automations' }), pages: ['automations', 'automation'], icon: 'M13 2 3 14h7l-1 8 10-12h-7z' },
  { path: '/alerts', label: () => msg('Alerts', { id: 'nav.alerts' }), pages: ['alerts'], icon: 'M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2m6-6v-5c0-3.1-1.6-5.6-4.5-6.3V4a1.5 1.5 0 0 0-3 0v.7C7.6 5.4 6 7.9 6 11v5l-2 2v1h16v-1z' },
  { path: '/logbook', label: () => msg('Logbook', { id: 'nav.logbook' }), pages: ['logbook'], icon: 'M4 4h16v2H4zm0 5h16v2H4zm0 5h10v2H4zm0 5h16v2H4z' },
  { path: '/settings/plugins', label: () => msg('Settings', { id: 'nav.settings' }), pages: ['settings'], icon: 'M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7 7 0 0 0-1.7-1L15 3h-4l-.4 2.7a7 7 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7 7 0 0 0 1.7 1L11 21h4l.4-2.7a7 7 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7' },
] as const;

/** A count shown on a link (open alerts on Alerts), by the link's path. */
export type NavBadges = Readonly<Partial<Record<(typeof ITEMS)[number]['path'], number>>>;

/** The navigation links: a bottom bar on phones, a side rail on wider screens (CSS in the shell). */
export function navLinks(route: Route, badges: NavBadges = {}) {
  return html`<div class="links">${ITEMS.map((item) => {
    const count = badges[item.path] ?? 0;
    return html`<a href=${item.path} aria-current=${(item.pages as readonly string[]).includes(route.page) ? 'page' : 'false'}>${icon(item.icon)}<span>${item.label()}</span>${
      count ? html`<span class="badge" aria-label=${msg(str`${count} open`, { id: 'nav.badge-open' })}>${count > 99 ? '99+' : count}</span>` : nothing
    }</a>`;
  })}</div>`;
}
