import type { EntityState } from '../api/types.js';
import { titleCase } from './format.js';
import { msg } from './i18n.js';

export interface AreaSection {
  area: string | null;
  title: string;
  entities: EntityState[];
}

// Controls first, then readings: the things tapped most sit at the top of an area.
const DOMAIN_ORDER = [
  'alarm_control_panel', 'light', 'switch', 'climate', 'cover', 'valve', 'fan', 'lock', 'siren', 'button', 'number', 'select',
  'schedule', 'weather', 'sensor', 'binary_sensor',
];

/** Home page sections: configured area order first, then any others, then "Other". */
export function groupByArea(entities: Iterable<EntityState>, areaOrder: readonly string[] = []): AreaSection[] {
  const byArea = new Map<string | null, EntityState[]>();
  for (const e of entities) {
    const list = byArea.get(e.area) ?? [];
    list.push(e);
    byArea.set(e.area, list);
  }
  const rank = (a: string | null) => (a === null ? Infinity : areaOrder.includes(a) ? areaOrder.indexOf(a) : areaOrder.length);
  return [...byArea.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)))
    .map(([area, list]) => ({
      area,
      title: area === null ? msg('Other', { id: 'home.other-area' }) : titleCase(area),
      entities: list.sort((x, y) => DOMAIN_ORDER.indexOf(x.domain) - DOMAIN_ORDER.indexOf(y.domain) || x.name.localeCompare(y.name)),
    }));
}

/** Material-style 24×24 icon paths, chosen by domain, device class and state. */
const ICONS = {
  bulb: 'M12 2a7 7 0 0 0-4 12.7V17a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1v-2.3A7 7 0 0 0 12 2M9 21a1 1 0 0 0 1 1h4a1 1 0 0 0 1-1v-1H9z',
  power: 'M16.6 5.4l-1.4 1.4A6 6 0 1 1 8.8 6.8L7.4 5.4A8 8 0 1 0 16.6 5.4M11 2h2v10h-2z',
  blinds: 'M3 3h18v2h-1v14h1v2H3v-2h1V5H3zm3 2v3h12V5zm0 5v3h12v-3zm0 5v4h12v-4z',
  blindsOpen: 'M3 3h18v2h-1v14h1v2H3v-2h1V5H3zm3 2v3h12V5z',
  thermometer: 'M15 13V5a3 3 0 0 0-6 0v8a5 5 0 1 0 6 0m-3-9a1 1 0 0 1 1 1v3h-2V5a1 1 0 0 1 1-1',
  water: 'M12 2s-6 6.5-6 11a6 6 0 0 0 12 0c0-4.5-6-11-6-11',
  gauge: 'M12 4a9 9 0 0 0-9 9 9 9 0 0 0 2.6 6.4l1.4-1.4A7 7 0 1 1 19 13a7 7 0 0 1-2 5l1.4 1.4A9 9 0 0 0 21 13a9 9 0 0 0-9-9m3.5 4.1L11 12.6a2 2 0 1 0 1.4 1.4l4.5-4.5z',
  sun: 'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10M11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3zM4.2 5.6l1.4-1.4 2.1 2.1-1.4 1.4zm12.1 12.1 1.4-1.4 2.1 2.1-1.4 1.4zM4.2 18.4l2.1-2.1 1.4 1.4-2.1 2.1zM16.3 6.3l2.1-2.1 1.4 1.4-2.1 2.1z',
  flash: 'M7 2v11h3v9l7-12h-4l4-8z',
  motion: 'M13.5 5.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4M9.8 8.9 7 23h2.1l1.8-8 2.1 2v6h2v-7.5l-2.1-2 .6-3A7.3 7.3 0 0 0 19 13v-2c-1.9 0-3.5-1-4.3-2.4l-1-1.6a2 2 0 0 0-1.7-1c-.3 0-.5.1-.8.1L6 8.3V13h2V9.6z',
  door: 'M8 3h8a2 2 0 0 1 2 2v16h2v2H4v-2h2V5a2 2 0 0 1 2-2m6 9v2h2v-2z',
  doorOpen: 'M12 3 20 5v16h2v2h-5V6l-5-1.3V23H2v-2h2V3zm-2 9v2h1v-2z',
  window: 'M4 3h16a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1m1 2v6h6V5zm8 0v6h6V5zm-8 8v6h6v-6zm8 0v6h6v-6z',
  smoke: 'M12 2 1 21h22zm-1 7h2v5h-2zm0 7h2v2h-2z',
  rain: 'M6 14a4 4 0 0 1-.4-8A6 6 0 0 1 17 6.5 3.5 3.5 0 0 1 18 14zm1 2h2l-1 4H6zm5 0h2l-1 4h-2zm5 0h2l-1 4h-2z',
  dot: 'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10',
  dial: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m-1 3h2v7h-2z',
  lock: 'M12 2a5 5 0 0 0-5 5v3H5v12h14V10h-2V7a5 5 0 0 0-5-5m-3 8V7a3 3 0 0 1 6 0v3z',
  lockOpen: 'M12 2a5 5 0 0 0-5 5h2a3 3 0 0 1 6 0v3H5v12h14V10h-2V7a5 5 0 0 0-5-5',
  valve: 'M2 9h4v8H2zm16 0h4v8h-4zM6 10l6 3-6 3zm12 0v6l-6-3zM11 5h2v7h-2zM8 4h8v2H8z',
  fan: 'M12 2c4 0 4 4 1.5 7.2a3 3 0 0 1 1.3 1.3C18 8 22 8 22 12s-4 4-7.2 1.5a3 3 0 0 1-1.3 1.3C16 18 16 22 12 22s-4-4-1.5-7.2a3 3 0 0 1-1.3-1.3C6 16 2 16 2 12s4-4 7.2-1.5a3 3 0 0 1 1.3-1.3C8 6 8 2 12 2',
  siren: 'M6 20v-6a6 6 0 0 1 12 0v6h2v2H4v-2zM11 1h2v3h-2zM3.5 5l1.4-1.4 2.1 2.1-1.4 1.4zm13.4.7 2.1-2.1L20.5 5l-2.1 2.1z',
  press: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16m0 2a6 6 0 1 1 0 12 6 6 0 0 1 0-12m0 2a4 4 0 1 0 0 8 4 4 0 0 0 0-8',
  counter: 'M4 5h16v14H4zm2 2v10h12V7zm1 4h4v2H7zm7-2h2v2h2v2h-2v2h-2v-2h-2v-2h2z',
  list: 'M3 5h2v2H3zm4 0h14v2H7zM3 11h2v2H3zm4 0h14v2H7zM3 17h2v2H3zm4 0h14v2H7z',
  tag: 'M3 3h8l10 10-8 8L3 11zm4 2.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3',
  shield: 'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5zm0 2.2 6 2.2V11c0 4-2.6 7.8-6 8.9-3.4-1.1-6-4.9-6-8.9V6.4z',
  shieldFull: 'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5z',
  calendar: 'M6 2h2v2h8V2h2v2h2a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h2zM5 9v10h14V9zm6 2h2v4h3v2h-5z',
  cloud: 'M6 19a5 5 0 0 1-.8-9.9A7 7 0 0 1 18.6 9 5 5 0 0 1 18 19z',
  moon: 'M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9',
  partlyCloudy: 'M7 2h2v3H7zM1.6 5 3 3.6l2.1 2.1-1.4 1.4zM1 10h3v2H1zm7-3a4 4 0 0 1 3.6 2.3A6 6 0 0 0 6.3 13 4 4 0 0 1 8 7m1 15a4 4 0 0 1-.5-8 6 6 0 0 1 11.1-.1A4 4 0 0 1 19 22z',
  fog: 'M4 7h16v2H4zm-2 4h14v2H2zm4 4h16v2H6z',
  snow: 'M6 14a4 4 0 0 1-.4-8A6 6 0 0 1 17 6.5 3.5 3.5 0 0 1 18 14zm1 3h2v2H7zm4 2h2v2h-2zm4-2h2v2h-2z',
  hail: 'M6 14a4 4 0 0 1-.4-8A6 6 0 0 1 17 6.5 3.5 3.5 0 0 1 18 14zm2 2.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3m4 2a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3m4-2a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3',
  wind: 'M3 8h10a2 2 0 1 0-2-2H9a4 4 0 1 1 4 4H3zm0 4h15a3 3 0 1 1-3 3h2a1 1 0 1 0 1-1H3z',
} as const;

/** Weather conditions (DESIGN §2) by icon; lightning and "exceptional" borrow the flash and warning shapes. */
export const WEATHER_ICONS: Readonly<Record<string, string>> = {
  'clear-night': ICONS.moon,
  cloudy: ICONS.cloud,
  fog: ICONS.fog,
  hail: ICONS.hail,
  lightning: ICONS.flash,
  partlycloudy: ICONS.partlyCloudy,
  pouring: ICONS.rain,
  rainy: ICONS.rain,
  snowy: ICONS.snow,
  sunny: ICONS.sun,
  windy: ICONS.wind,
  exceptional: ICONS.smoke,
};

export function iconFor(entity: EntityState): string {
  const on = entity.state === 'on';
  const dc = typeof entity.attributes.deviceClass === 'string' ? entity.attributes.deviceClass : '';
  switch (entity.domain) {
    case 'light':
      return ICONS.bulb;
    case 'switch':
      return ICONS.power;
    case 'cover':
      return entity.state === 'closed' ? ICONS.blinds : ICONS.blindsOpen;
    case 'sensor':
      if (typeof entity.state === 'string' || dc === 'enum') return ICONS.tag;
      return ({ temperature: ICONS.thermometer, humidity: ICONS.water, moisture: ICONS.water, pressure: ICONS.gauge, illuminance: ICONS.sun, voltage: ICONS.flash, power: ICONS.flash } as Record<string, string>)[dc] ?? ICONS.gauge;
    case 'binary_sensor':
      if (dc === 'door') return on ? ICONS.doorOpen : ICONS.door;
      return ({ motion: ICONS.motion, occupancy: ICONS.motion, window: ICONS.window, smoke: ICONS.smoke, moisture: ICONS.water, rain: ICONS.rain } as Record<string, string>)[dc] ?? ICONS.dot;
    case 'climate':
      return ICONS.dial;
    case 'lock':
      return entity.state === 'locked' || entity.state === 'locking' ? ICONS.lock : ICONS.lockOpen;
    case 'valve':
      return ICONS.valve;
    case 'fan':
      return ICONS.fan;
    case 'siren':
      return ICONS.siren;
    case 'button':
      return ICONS.press;
    case 'number':
      return ICONS.counter;
    case 'select':
      return ICONS.list;
    case 'alarm_control_panel':
      return entity.state === 'disarmed' || entity.state === null ? ICONS.shield : ICONS.shieldFull;
    case 'weather':
      return WEATHER_ICONS[String(entity.state)] ?? ICONS.cloud;
    case 'schedule':
      return ICONS.calendar;
    default:
      return ICONS.dot;
  }
}

/**
 * An entity is "active" (tinted card) when it is on, open, moving or detecting — or, for
 * the domains where "on" is not a state, when it asks for attention: a thermostat heating,
 * a door not locked, an alarm that is armed or sounding.
 */
export function isActive(entity: EntityState): boolean {
  if (!entity.available) return false;
  switch (entity.domain) {
    case 'climate':
      return entity.attributes.hvacAction === 'heating';
    case 'lock':
      return entity.state === 'unlocked' || entity.state === 'unlocking' || entity.state === 'jammed';
    case 'alarm_control_panel':
      return entity.state !== 'disarmed' && entity.state !== null;
    case 'button':
    case 'number':
    case 'select':
    case 'weather':
    case 'sensor':
      return false;
    default:
      return entity.state === 'on' || entity.state === 'open' || entity.state === 'opening' || entity.state === 'closing';
  }
}

/** Entities whose name, id, area or domain contain every word typed ("kitchen temp", "binary hall"), by name. */
export function searchEntities(entities: Iterable<EntityState>, query: string): EntityState[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = (e: EntityState) => `${e.name} ${e.id} ${e.area ?? ''} ${titleCase(e.area ?? '')} ${e.domain.replace(/_/g, ' ')}`.toLowerCase();
  return [...entities].filter((e) => words.every((w) => text(e).includes(w))).sort((a, b) => a.name.localeCompare(b.name));
}
