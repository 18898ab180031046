/** Pure helpers behind the controls of the newer cards: ranges, steps, options, forecasts. */
import { currentLocale } from './i18n.js';

export interface Range {
  min: number;
  max: number;
  step: number;
}

const finite = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** `value` clamped to the range and rounded to its grid of steps (counted from `min`), without float dust. */
export function snap(value: number, { min, max, step }: Range): number {
  const steps = Math.round((Math.min(max, Math.max(min, value)) - min) / step);
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Number(Math.min(max, min + steps * step).toFixed(decimals));
}

/** A number entity's control: bounds and step (Home Assistant's defaults, 0–100 by 1), slider unless it asks for a box. */
export function numberControl(attributes: Readonly<Record<string, unknown>>): Range & { mode: 'slider' | 'box'; unit: string | undefined } {
  const min = finite(attributes.min, 0);
  const max = Math.max(min, finite(attributes.max, 100));
  const step = finite(attributes.step, 1) > 0 ? finite(attributes.step, 1) : 1;
  return { min, max, step, mode: attributes.mode === 'box' ? 'box' : 'slider', unit: typeof attributes.unit === 'string' ? attributes.unit : undefined };
}

/** A thermostat's target range: minTemp…maxTemp by `step` (7–35 °C by 0.5 when it does not say). */
export function climateRange(attributes: Readonly<Record<string, unknown>>): Range {
  const step = finite(attributes.step, 0.5);
  const min = finite(attributes.minTemp, 7);
  return { min, max: Math.max(min, finite(attributes.maxTemp, 35)), step: step > 0 ? step : 0.5 };
}

/** The target one step up (+1) or down (−1), or undefined when already at that end of the range or unknown. */
export function stepTarget(attributes: Readonly<Record<string, unknown>>, direction: 1 | -1): number | undefined {
  const target = attributes.targetTemperature;
  if (typeof target !== 'number') return undefined;
  const range = climateRange(attributes);
  const next = snap(target + direction * range.step, range);
  return next === target ? undefined : next;
}

/** The strings of a list attribute (`options`, `presets`, `openZones` …); anything else is no list. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export interface ForecastRow {
  datetime: string;
  condition?: string;
  temperature?: number;
  templow?: number;
  precipitation?: number;
  /** Percent. */
  precipitationProbability?: number;
}

/** The valid rows of a weather entity's `forecast`, oldest first, at most `limit`. */
export function forecastRows(value: unknown, limit = 5): ForecastRow[] {
  if (!Array.isArray(value)) return [];
  const rows: ForecastRow[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (typeof r.datetime !== 'string' || Number.isNaN(Date.parse(r.datetime))) continue;
    rows.push({
      datetime: r.datetime,
      ...(typeof r.condition === 'string' && { condition: r.condition }),
      ...(typeof r.temperature === 'number' && { temperature: r.temperature }),
      ...(typeof r.templow === 'number' && { templow: r.templow }),
      ...(typeof r.precipitation === 'number' && { precipitation: r.precipitation }),
      ...(typeof r.precipitationProbability === 'number' && { precipitationProbability: r.precipitationProbability }),
    });
  }
  return rows.sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime)).slice(0, limit);
}

/** Labels for forecast rows: weekdays for a daily forecast, hours for an hourly one. */
export function forecastLabels(rows: readonly ForecastRow[], locale: string = currentLocale()): string[] {
  const times = rows.map((r) => Date.parse(r.datetime));
  const hourly = times.length > 1 && times[1]! - times[0]! < 20 * 3600_000;
  return times.map((t) => new Date(t).toLocaleString(locale, hourly ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short' }));
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;

/** A wind bearing in degrees (where it blows from) as one of eight compass points. */
export function compassPoint(degrees: number): string {
  return COMPASS[Math.round((((degrees % 360) + 360) % 360) / 45) % 8]!;
}
