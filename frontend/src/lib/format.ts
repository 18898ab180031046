import type { EntityState } from '../api/types.js';
import { currentLocale, msg, str } from './i18n.js';

const UNIT_DECIMALS: Record<string, number> = { '°C': 1, '°F': 1, '%': 0, hPa: 0, lx: 0, V: 2, W: 0, kWh: 2 };

/** A number as a person reads it: sensible decimals for the unit, locale separators. */
export function formatNumber(value: number, unit?: string, locale: string = currentLocale()): string {
  const decimals = unit !== undefined && unit in UNIT_DECIMALS ? UNIT_DECIMALS[unit]! : Math.abs(value) >= 100 ? 0 : 1;
  const text = value.toLocaleString(locale, { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  if (!unit) return text;
  // French puts a no-break space before every unit ("21,5 °C", "80 %"); English glues % and degrees: "21.5°C", "80%".
  if (locale.startsWith('fr')) return `${text}\u00a0${unit}`;
  return unit === '%' || unit.startsWith('°') ? `${text}${unit}` : `${text} ${unit}`;
}

/** A percentage in the shown language: "80%", "80 %". */
export function formatPercent(value: number): string {
  return formatNumber(value, '%');
}

/** State words by domain; called at render time so they follow the shown language. */
function words(domain: string): Record<string, string> {
  switch (domain) {
    case 'binary_sensor':
      return { on: msg('Detected', { id: 'state.detected' }), off: msg('Clear', { id: 'state.clear' }) };
    case 'climate':
      return { off: msg('Off', { id: 'state.off' }), heat: msg('Heat', { id: 'state.heat' }), cool: msg('Cool', { id: 'state.cool' }), auto: msg('Auto', { id: 'state.auto' }) };
    case 'weather':
      return { 'clear-night': msg('Clear night', { id: 'state.clear-night' }), partlycloudy: msg('Partly cloudy', { id: 'state.partlycloudy' }) };
    default:
      return {};
  }
}

function defaultWords(): Record<string, string> {
  return {
    on: msg('On', { id: 'state.on' }),
    off: msg('Off', { id: 'state.off' }),
    open: msg('Open', { id: 'state.open' }),
    closed: msg('Closed', { id: 'state.closed' }),
    opening: msg('Opening', { id: 'state.opening' }),
    closing: msg('Closing', { id: 'state.closing' }),
    unlocked: msg('Unlocked', { id: 'state.unlocked' }),
    locked: msg('Locked', { id: 'state.locked' }),
    locking: msg('Locking', { id: 'state.locking' }),
    unlocking: msg('Unlocking', { id: 'state.unlocking' }),
    jammed: msg('Jammed', { id: 'state.jammed' }),
    disarmed: msg('Disarmed', { id: 'state.disarmed' }),
    armed_home: msg('Armed home', { id: 'state.armed-home' }),
    armed_away: msg('Armed away', { id: 'state.armed-away' }),
    armed_night: msg('Armed night', { id: 'state.armed-night' }),
    arming: msg('Arming', { id: 'state.arming' }),
    pending: msg('Pending', { id: 'state.pending' }),
    triggered: msg('Triggered', { id: 'state.triggered' }),
    idle: msg('Idle', { id: 'state.idle' }),
    heating: msg('Heating', { id: 'state.heating' }),
    cooling: msg('Cooling', { id: 'state.cooling' }),
    sunny: msg('Sunny', { id: 'state.sunny' }),
    cloudy: msg('Cloudy', { id: 'state.cloudy' }),
    rainy: msg('Rainy', { id: 'state.rainy' }),
    snowy: msg('Snowy', { id: 'state.snowy' }),
    fog: msg('Fog', { id: 'state.fog' }),
    windy: msg('Windy', { id: 'state.windy' }),
    pouring: msg('Pouring', { id: 'state.pouring' }),
    lightning: msg('Lightning', { id: 'state.lightning' }),
    hail: msg('Hail', { id: 'state.hail' }),
  };
}

function deviceClassWords(deviceClass: string): [on: string, off: string] | undefined {
  switch (deviceClass) {
    case 'door':
    case 'window':
      return [msg('Open', { id: 'state.open' }), msg('Closed', { id: 'state.closed' })];
    case 'motion':
      return [msg('Motion', { id: 'state.motion' }), msg('Clear', { id: 'state.clear' })];
    case 'occupancy':
      return [msg('Occupied', { id: 'state.occupied' }), msg('Clear', { id: 'state.clear' })];
    case 'moisture':
      return [msg('Wet', { id: 'state.wet' }), msg('Dry', { id: 'state.dry' })];
    case 'smoke':
      return [msg('Smoke!', { id: 'state.smoke' }), msg('Clear', { id: 'state.clear' })];
    case 'rain':
      return [msg('Raining', { id: 'state.raining' }), msg('Dry', { id: 'state.dry' })];
    default:
      return undefined;
  }
}

/** A state word as a person reads it: "armed_home" → "Armed home" ("Armée (présence)" in French). */
export function stateWord(domain: string, state: string): string {
  return words(domain)[state] ?? defaultWords()[state] ?? titleCase(state);
}

/** The state line of a card: "On · 80%", "21.5°C", "Open", "Unavailable". */
export function formatState(entity: EntityState, now: number = Date.now()): string {
  if (!entity.available) return msg('Unavailable', { id: 'state.unavailable' });
  const { state, attributes } = entity;
  if (state === null) return entity.domain === 'button' ? msg('Never pressed', { id: 'state.never-pressed' }) : msg('Unknown', { id: 'state.unknown' });
  if ((entity.domain === 'sensor' || entity.domain === 'number') && typeof state === 'number') return formatNumber(state, stringAttr(attributes.unit));
  if (entity.domain === 'binary_sensor') {
    const pair = deviceClassWords(stringAttr(attributes.deviceClass) ?? '');
    if (pair) return state === 'on' ? pair[0] : pair[1];
    return words('binary_sensor')[String(state)] ?? String(state);
  }
  // A select shows its option as written: it is the user's own label.
  if (entity.domain === 'select') return String(state);
  if (entity.domain === 'button') return msg(str`Pressed ${formatRelative(String(state), now)}`, { id: 'state.pressed-ago' });
  const word = stateWord(entity.domain, String(state));
  switch (entity.domain) {
    case 'light':
      return state === 'on' && typeof attributes.brightness === 'number' ? `${word} · ${formatPercent(attributes.brightness)}` : word;
    case 'fan':
      return state === 'on' && typeof attributes.percentage === 'number' ? `${word} · ${formatPercent(attributes.percentage)}` : word;
    case 'climate':
      return typeof attributes.hvacAction === 'string' && state !== 'off' ? `${word} · ${stateWord('climate', attributes.hvacAction)}` : word;
    case 'weather':
      return typeof attributes.temperature === 'number' ? `${word} · ${formatNumber(attributes.temperature, stringAttr(attributes.unit) ?? '°C')}` : word;
    case 'cover':
    case 'valve': {
      if (typeof attributes.position !== 'number') return word;
      const target = attributes.targetPosition;
      if ((state === 'opening' || state === 'closing') && typeof target === 'number') return `${word} · ${formatPercent(attributes.position)} → ${formatPercent(target)}`;
      return state === 'open' && attributes.position < 100 ? `${word} · ${formatPercent(attributes.position)}` : word;
    }
    default:
      return word;
  }
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatRelative(iso: string | number, now: number = Date.now()): string {
  const at = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return msg('just now', { id: 'time.just-now' });
  const m = Math.round(s / 60);
  if (m < 60) return msg(str`${m} min ago`, { id: 'time.minutes-ago' });
  const h = Math.round(m / 60);
  if (h < 24) return msg(str`${h} h ago`, { id: 'time.hours-ago' });
  const d = Math.round(h / 24);
  return d === 1 ? msg('yesterday', { id: 'time.yesterday' }) : msg(str`${d} days ago`, { id: 'time.days-ago' });
}

/** "1.2 s", "3 min 5 s", "2 h 10 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toLocaleString(currentLocale(), { maximumFractionDigits: s < 10 ? 1 : 0, minimumFractionDigits: s < 10 ? 1 : 0 })} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${Math.round(s % 60) ? ` ${Math.round(s % 60)} s` : ''}`;
  const h = Math.floor(m / 60);
  return `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/** Wall-clock time, with the date when it is not today. */
export function formatTime(at: string | number, now: number = Date.now(), locale: string = currentLocale()): string {
  const date = new Date(typeof at === 'number' ? at : Date.parse(at));
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const [clock, day] = timeFormatters(locale);
  const time = clock.format(date);
  return sameDay ? time : `${day.format(date)} ${time}`;
}

const formatters = new Map<string, [clock: Intl.DateTimeFormat, day: Intl.DateTimeFormat]>();

/** Built once per locale: a `toLocaleTimeString` call builds a formatter each time, which costs a History view with a thousand timeline segments a second on a phone. */
function timeFormatters(locale: string): [Intl.DateTimeFormat, Intl.DateTimeFormat] {
  let found = formatters.get(locale);
  if (!found) {
    found = [new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }), new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' })];
    formatters.set(locale, found);
  }
  return found;
}

/** A sensor's kind as a person reads it: "temperature" → "Temperature" (French "Température"); others title-cased. */
export function deviceClassName(deviceClass: string): string {
  switch (deviceClass) {
    case 'temperature':
      return msg('Temperature', { id: 'class.temperature' });
    case 'humidity':
      return msg('Humidity', { id: 'class.humidity' });
    case 'pressure':
      return msg('Pressure', { id: 'class.pressure' });
    case 'illuminance':
      return msg('Illuminance', { id: 'class.illuminance' });
    case 'power':
      return msg('Power', { id: 'class.power' });
    case 'energy':
      return msg('Energy', { id: 'class.energy' });
    case 'voltage':
      return msg('Voltage', { id: 'class.voltage' });
    case 'current':
      return msg('Current', { id: 'class.current' });
    case 'battery':
      return msg('Battery', { id: 'class.battery' });
    case 'carbon_dioxide':
      return msg('CO₂', { id: 'class.co2' });
    default:
      return titleCase(deviceClass);
  }
}

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A weekday's short name in the shown language: "mon" → "Mon" ("lun."). */
export function weekdayName(day: (typeof WEEK)[number], locale: string = currentLocale()): string {
  // 1 January 2024 was a Monday.
  return new Date(Date.UTC(2024, 0, 1 + WEEK.indexOf(day))).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' });
}

/** A thermostat preset as a person reads it: "comfort" → "Comfort" ("Confort"); unknown ones title-cased. */
export function presetName(preset: string): string {
  switch (preset) {
    case 'comfort': return msg('Comfort', { id: 'preset.comfort' });
    case 'eco': return msg('Eco', { id: 'preset.eco' });
    case 'away': return msg('Away', { id: 'preset.away' });
    case 'frost': return msg('Frost', { id: 'preset.frost' });
    case 'home': return msg('Home', { id: 'preset.home' });
    case 'sleep': return msg('Sleep', { id: 'preset.sleep' });
    case 'boost': return msg('Boost', { id: 'preset.boost' });
    default: return titleCase(preset);
  }
}

/** "living_room" → "Living room". */
export function titleCase(id: string): string {
  const words = id.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function stringAttr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
