/** What the entities show, from a forecast and the time now. Pure. */
import { UNITS, type Forecast, type ForecastRow } from './api.js';

export interface SensorSpec {
  /** Object id suffix: `sensor.<prefix>_<key>`. */
  key: string;
  name: string;
  unit: string;
  deviceClass?: string;
  value(forecast: Forecast, now: number): number | undefined;
}

/** The daily row `offset` days from the one `now` falls in (daily rows start at local midnight). */
function day(forecast: Forecast, now: number, offset: number): ForecastRow | undefined {
  const today = forecast.daily.findLastIndex((r) => Date.parse(r.datetime) <= now);
  return today < 0 ? undefined : forecast.daily[today + offset];
}

export function sensorSpecs(units: Forecast['units'] = UNITS): SensorSpec[] {
  const temperature = { unit: units.temperature, deviceClass: 'temperature' };
  const probability = { unit: '%' };
  return [
    { key: 'temperature', name: 'temperature', ...temperature, value: (f) => f.current.temperature },
    { key: 'humidity', name: 'humidity', unit: '%', deviceClass: 'humidity', value: (f) => f.current.humidity },
    { key: 'wind_speed', name: 'wind speed', unit: units.windSpeed, deviceClass: 'wind_speed', value: (f) => f.current.windSpeed },
    { key: 'precipitation', name: 'precipitation', unit: 'mm', deviceClass: 'precipitation', value: (f) => f.current.precipitation },
    { key: 'today_max', name: "today's maximum", ...temperature, value: (f, now) => day(f, now, 0)?.temperature },
    { key: 'today_min', name: "today's minimum", ...temperature, value: (f, now) => day(f, now, 0)?.templow },
    { key: 'tomorrow_max', name: "tomorrow's maximum", ...temperature, value: (f, now) => day(f, now, 1)?.temperature },
    { key: 'tomorrow_min', name: "tomorrow's minimum", ...temperature, value: (f, now) => day(f, now, 1)?.templow },
    { key: 'today_precipitation_probability', name: 'chance of rain today', ...probability, value: (f, now) => day(f, now, 0)?.precipitationProbability },
    { key: 'tomorrow_precipitation_probability', name: 'chance of rain tomorrow', ...probability, value: (f, now) => day(f, now, 1)?.precipitationProbability },
  ];
}

/**
 * The weather entity's attributes: the current values, the daily `forecast` (DESIGN §2,
 * as Home Assistant's) from today and the hourly one from this hour on — a kept forecast
 * drops what has passed — whether it is `stale` and
 * when it was fetched.
 */
const DAY_MS = 86_400_000;
/** A value the last answer lacked is removed rather than left from an older one. */
const UNREPORTED = { humidity: undefined, pressure: undefined, windSpeed: undefined, windBearing: undefined, precipitation: undefined };

export function weatherAttributes(forecast: Forecast, fetchedAt: number, stale: boolean, now: number): Record<string, unknown> {
  const thisHour = now - (now % 3_600_000);
  const { condition: _condition, ...current } = forecast.current;
  return {
    ...UNREPORTED,
    ...current,
    unit: forecast.units.temperature,
    windSpeedUnit: forecast.units.windSpeed,
    forecast: forecast.daily.filter((r) => Date.parse(r.datetime) + DAY_MS > now),
    forecastHourly: forecast.hourly.filter((r) => Date.parse(r.datetime) >= thisHour),
    stale,
    lastUpdate: new Date(fetchedAt).toISOString(),
    attribution: 'Weather data by Open-Meteo.com',
  };
}
