import type { EntityState } from '../api/types.js';

const UNIT_DECIMALS: Record<string, number> = { '°C': 1, '°F': 1, '%': 0, hPa: 0, lx: 0, V: 2, W: 0, kWh: 2 };

/** A number as a person reads it: sensible decimals for the unit, locale separators. */
export function formatNumber(value: number, unit?: string, locale?: string): string {
  const decimals = unit !== undefined && unit in UNIT_DECIMALS ? UNIT_DECIMALS[unit]! : Math.abs(value) >= 100 ? 0 : 1;
  const text = value.toLocaleString(locale ?? 'en', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  if (!unit) return text;
  return unit === '%' || unit.startsWith('°') ? `${text}${unit}` : `${text} ${unit}`;
}

const WORDS: Record<string, Record<string, string>> = {
  binary_sensor: { on: 'Detected', off: 'Clear' },
  default: { on: 'On', off: 'Off', open: 'Open', closed: 'Closed', opening: 'Opening', closing: 'Closing' },
  climate: { off: 'Off', heat: 'Heat', cool: 'Cool', auto: 'Auto' },
  weather: { 'clear-night': 'Clear night', partlycloudy: 'Partly cloudy' },
};
const DEVICE_CLASS_WORDS: Record<string, [on: string, off: string]> = {
  door: ['Open', 'Closed'],
  window: ['Open', 'Closed'],
  motion: ['Motion', 'Clear'],
  occupancy: ['Occupied', 'Clear'],
  moisture: ['Wet', 'Dry'],
  smoke: ['Smoke!', 'Clear'],
  rain: ['Raining', 'Dry'],
};

/** A state word as a person reads it: "armed_home" → "Armed home". */
export function stateWord(domain: string, state: string): string {
  return WORDS[domain]?.[state] ?? WORDS.default![state] ?? titleCase(state);
}

/** The state line of a card: "On · 80%", "21.5°C", "Open", "Unavailable". */
export function formatState(entity: EntityState, now: number = Date.now()): string {
  if (!entity.available) return 'Unavailable';
  const { state, attributes } = entity;
  if (state === null) return entity.domain === 'button' ? 'Never pressed' : 'Unknown';
  if ((entity.domain === 'sensor' || entity.domain === 'number') && typeof state === 'number') return formatNumber(state, stringAttr(attributes.unit));
  if (entity.domain === 'binary_sensor') {
    const words = DEVICE_CLASS_WORDS[stringAttr(attributes.deviceClass) ?? ''];
    if (words) return state === 'on' ? words[0] : words[1];
    return WORDS.binary_sensor![String(state)] ?? String(state);
  }
  // A select shows its option as written: it is the user's own label.
  if (entity.domain === 'select') return String(state);
  if (entity.domain === 'button') return `Pressed ${formatRelative(String(state), now)}`;
  const word = stateWord(entity.domain, String(state));
  switch (entity.domain) {
    case 'light':
      return state === 'on' && typeof attributes.brightness === 'number' ? `${word} · ${attributes.brightness}%` : word;
    case 'fan':
      return state === 'on' && typeof attributes.percentage === 'number' ? `${word} · ${attributes.percentage}%` : word;
    case 'climate':
      return typeof attributes.hvacAction === 'string' && state !== 'off' ? `${word} · ${titleCase(attributes.hvacAction)}` : word;
    case 'weather':
      return typeof attributes.temperature === 'number' ? `${word} · ${formatNumber(attributes.temperature, stringAttr(attributes.unit) ?? '°C')}` : word;
    case 'cover':
    case 'valve': {
      if (typeof attributes.position !== 'number') return word;
      const target = attributes.targetPosition;
      if ((state === 'opening' || state === 'closing') && typeof target === 'number') return `${word} · ${attributes.position}% → ${target}%`;
      return state === 'open' && attributes.position < 100 ? `Open · ${attributes.position}%` : word;
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
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return d === 1 ? 'yesterday' : `${d} days ago`;
}

/** "1.2 s", "3 min 5 s", "2 h 10 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${Math.round(s % 60) ? ` ${Math.round(s % 60)} s` : ''}`;
  const h = Math.floor(m / 60);
  return `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/** Wall-clock time, with the date when it is not today. */
export function formatTime(at: string | number, now: number = Date.now(), locale?: string): string {
  const date = new Date(typeof at === 'number' ? at : Date.parse(at));
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const [clock, day] = timeFormatters(locale ?? 'en');
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

/** "living_room" → "Living room". */
export function titleCase(id: string): string {
  const words = id.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function stringAttr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
