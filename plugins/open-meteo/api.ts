/**
 * The Open-Meteo forecast API (open-meteo.com/en/docs): the query this plugin sends
 * and the parts of the answer it reads, turned into Hearth's forecast shape. Pure.
 */
import { z } from 'zod';
import { conditionOf, type WeatherCondition } from './conditions.js';

export const CURRENT = ['temperature_2m', 'relative_humidity_2m', 'is_day', 'precipitation', 'weather_code', 'pressure_msl', 'wind_speed_10m', 'wind_direction_10m'] as const;
export const HOURLY = ['temperature_2m', 'precipitation_probability', 'precipitation', 'weather_code', 'is_day'] as const;
export const DAILY = ['weather_code', 'temperature_2m_max', 'temperature_2m_min', 'precipitation_sum', 'precipitation_probability_max'] as const;
export const FORECAST_DAYS = 7;
export const FORECAST_HOURS = 48;

export interface Place {
  latitude: number;
  longitude: number;
  /** IANA zone the days are cut in; Open-Meteo's `auto` picks the place's own. */
  timezone?: string;
}

/** The forecast request; times come back as Unix seconds, so no offset arithmetic is needed. */
export function forecastUrl(baseUrl: string, place: Place): URL {
  const url = new URL('v1/forecast', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const q = url.searchParams;
  q.set('latitude', String(place.latitude));
  q.set('longitude', String(place.longitude));
  q.set('current', CURRENT.join(','));
  q.set('hourly', HOURLY.join(','));
  q.set('daily', DAILY.join(','));
  q.set('timezone', place.timezone ?? 'auto');
  q.set('timeformat', 'unixtime');
  q.set('forecast_days', String(FORECAST_DAYS));
  q.set('forecast_hours', String(FORECAST_HOURS));
  return url;
}

/** Open-Meteo leaves a value it does not have as `null`. */
const value = z.number().nullable().optional();
const series = z.array(z.number().nullable());
const optionalSeries = series.optional();

const responseSchema = z.object({
  current: z.object({
    time: z.number(),
    temperature_2m: z.number(),
    relative_humidity_2m: value,
    is_day: value,
    precipitation: value,
    weather_code: z.number(),
    pressure_msl: value,
    wind_speed_10m: value,
    wind_direction_10m: value,
  }),
  current_units: z.object({ temperature_2m: z.string().optional(), wind_speed_10m: z.string().optional() }).optional(),
  hourly: z.object({ time: z.array(z.number()), temperature_2m: series, weather_code: series, precipitation: optionalSeries, precipitation_probability: optionalSeries, is_day: optionalSeries }),
  daily: z.object({
    time: z.array(z.number()),
    weather_code: series,
    temperature_2m_max: series,
    temperature_2m_min: series,
    precipitation_sum: optionalSeries,
    precipitation_probability_max: optionalSeries,
  }),
});

export interface ForecastRow {
  /** ISO time the row starts at: the hour, or the day's local midnight. */
  datetime: string;
  condition?: WeatherCondition;
  temperature?: number;
  /** Daily rows: the day's minimum. */
  templow?: number;
  precipitation?: number;
  precipitationProbability?: number;
}

export interface Forecast {
  current: {
    condition: WeatherCondition;
    temperature: number;
    humidity?: number;
    pressure?: number;
    windSpeed?: number;
    windBearing?: number;
    precipitation?: number;
  };
  units: { readonly temperature: string; readonly windSpeed: string };
  daily: ForecastRow[];
  hourly: ForecastRow[];
}

/** Open-Meteo's defaults, which the query keeps. */
export const UNITS = { temperature: '°C', windSpeed: 'km/h' } as const;

export class ForecastError extends Error {
  override name = 'ForecastError';
}

/** The answer's body as a forecast; anything not shaped like Open-Meteo's is a `ForecastError` naming the first wrong field. */
export function parseForecast(body: unknown): Forecast {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ForecastError(`not an Open-Meteo forecast: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const { current, current_units: units, hourly, daily } = parsed.data;
  return {
    current: {
      condition: conditionOf(current.weather_code, current.is_day !== 0),
      temperature: current.temperature_2m,
      ...defined({
        humidity: current.relative_humidity_2m,
        pressure: current.pressure_msl,
        windSpeed: current.wind_speed_10m,
        windBearing: current.wind_direction_10m,
        precipitation: current.precipitation,
      }),
    },
    units: { temperature: units?.temperature_2m ?? UNITS.temperature, windSpeed: units?.wind_speed_10m ?? UNITS.windSpeed },
    daily: daily.time.map((t, i) => row(t, daily.weather_code[i], true, {
      temperature: daily.temperature_2m_max[i],
      templow: daily.temperature_2m_min[i],
      precipitation: daily.precipitation_sum?.[i],
      precipitationProbability: daily.precipitation_probability_max?.[i],
    })),
    hourly: hourly.time.map((t, i) => row(t, hourly.weather_code[i], hourly.is_day?.[i] !== 0, {
      temperature: hourly.temperature_2m[i],
      precipitation: hourly.precipitation?.[i],
      precipitationProbability: hourly.precipitation_probability?.[i],
    })),
  };
}

type RowValues = Partial<Record<'temperature' | 'templow' | 'precipitation' | 'precipitationProbability', number | null>>;

function row(unixS: number, code: number | null | undefined, isDay: boolean, values: RowValues): ForecastRow {
  return {
    datetime: new Date(unixS * 1000).toISOString(),
    ...(typeof code === 'number' && { condition: conditionOf(code, isDay) }),
    ...defined(values),
  };
}

function defined<K extends string>(values: Partial<Record<K, number | null>>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'number')) as Partial<Record<K, number>>;
}
