/**
 * A local stand-in for the Open-Meteo forecast API that forecasts the simulated
 * weather, so the demo house shows a weather forecast with no network. It answers
 * `GET /v1/forecast` in Open-Meteo's shape (open-meteo.com/en/docs) for the variables
 * the open-meteo plugin asks, times as Unix seconds, days cut at UTC midnight.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getPosition } from 'suncalc';
import type { SimEnvironment } from '../../hardware/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** WMO codes the simulated days cycle through: clear, mainly clear, partly cloudy, overcast, rain, showers. */
const DAY_CODES = [0, 1, 2, 3, 61, 80, 2] as const;
const RAINY = new Set<number>([61, 80]);

/** A stable pseudo-random number in [0, 1) per day, so every fetch forecasts the same day alike. */
function dayNoise(dayIndex: number, salt: number): number {
  const x = Math.sin(dayIndex * 12.9898 + salt * 78.233) * 43_758.5453;
  return x - Math.floor(x);
}

const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** The forecast body for `env` at its clock's now, `hours` hourly rows and `days` daily ones. */
export function simulatedForecast(env: SimEnvironment, hours = 48, days = 7): Record<string, unknown> {
  const now = env.clock.now();
  const today = Math.floor(now / DAY);
  const code = (t: number): number => DAY_CODES[Math.floor(dayNoise(Math.floor(t / DAY), 1) * DAY_CODES.length)]!;
  // Today's offset is 0: the forecast agrees with the temperature the sensors read now.
  const temperature = (t: number): number => env.outdoorTemperatureAt(t) + 6 * (dayNoise(Math.floor(t / DAY), 2) - dayNoise(today, 2));
  const isDay = (t: number): number => (getPosition(new Date(t), env.latitude, env.longitude).altitude > 0 ? 1 : 0);
  const outdoor = env.outdoor();
  const nowCode = outdoor.raining ? 61 : RAINY.has(code(now)) ? 3 : code(now);

  const hourTimes = Array.from({ length: hours }, (_, i) => Math.floor(now / HOUR) * HOUR + i * HOUR);
  const dayTimes = Array.from({ length: days }, (_, i) => (today + i) * DAY);
  const daySamples = dayTimes.map((d) => Array.from({ length: 24 }, (_, h) => temperature(d + h * HOUR)));
  const s = (t: number): number => t / 1000;
  return {
    latitude: env.latitude,
    longitude: env.longitude,
    generationtime_ms: 0.1,
    utc_offset_seconds: 0,
    timezone: 'GMT',
    timezone_abbreviation: 'GMT',
    elevation: 35,
    current_units: { time: 'unixtime', interval: 'seconds', temperature_2m: '°C', relative_humidity_2m: '%', is_day: '', precipitation: 'mm', weather_code: 'wmo code', pressure_msl: 'hPa', wind_speed_10m: 'km/h', wind_direction_10m: '°' },
    current: {
      time: s(Math.floor(now / (15 * 60_000)) * 15 * 60_000),
      interval: 900,
      temperature_2m: round(outdoor.temperatureC),
      relative_humidity_2m: Math.round(outdoor.humidityPct),
      is_day: outdoor.sunAltitudeDeg > 0 ? 1 : 0,
      precipitation: outdoor.raining ? 0.6 : 0,
      weather_code: nowCode,
      pressure_msl: round(outdoor.pressureHpa),
      wind_speed_10m: round(6 + 10 * dayNoise(Math.floor(now / HOUR), 3)),
      wind_direction_10m: Math.round(200 + 90 * dayNoise(today, 4)),
    },
    hourly_units: { time: 'unixtime', temperature_2m: '°C', precipitation_probability: '%', precipitation: 'mm', weather_code: 'wmo code', is_day: '' },
    hourly: {
      time: hourTimes.map(s),
      temperature_2m: hourTimes.map((t) => round(temperature(t))),
      precipitation_probability: hourTimes.map((t) => (RAINY.has(code(t)) ? 70 : 5)),
      precipitation: hourTimes.map((t) => (RAINY.has(code(t)) ? 0.4 : 0)),
      weather_code: hourTimes.map(code),
      is_day: hourTimes.map(isDay),
    },
    daily_units: { time: 'unixtime', weather_code: 'wmo code', temperature_2m_max: '°C', temperature_2m_min: '°C', precipitation_sum: 'mm', precipitation_probability_max: '%' },
    daily: {
      time: dayTimes.map(s),
      weather_code: dayTimes.map(code),
      temperature_2m_max: daySamples.map((v) => round(Math.max(...v))),
      temperature_2m_min: daySamples.map((v) => round(Math.min(...v))),
      precipitation_sum: dayTimes.map((d) => (RAINY.has(code(d)) ? 4.5 : 0)),
      precipitation_probability_max: dayTimes.map((d) => (RAINY.has(code(d)) ? 80 : 10)),
    },
  };
}

export interface StandInOptions {
  port: number;
  host: string;
  /** Told when it cannot listen (the port taken, say by another demo hub) instead of failing the demo. */
  onListenError(err: Error): void;
}

export interface StandIn {
  /** Where it listens; port 0 when it could not. */
  readonly address: { host: string; port: number };
  close(): Promise<void>;
}

/** Serves `simulatedForecast` on `host:port` (0 picks a free port). */
export function startWeatherStandIn(env: SimEnvironment, options: StandInOptions): Promise<StandIn> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/v1/forecast') return reply(404, { error: true, reason: 'only GET /v1/forecast is simulated' });
    const hours = Number(url.searchParams.get('forecast_hours') ?? 48);
    const days = Number(url.searchParams.get('forecast_days') ?? 7);
    if (!url.searchParams.has('latitude') || !url.searchParams.has('longitude')) return reply(400, { error: true, reason: 'latitude and longitude are required' });
    if (!(hours >= 1 && hours <= 384 && days >= 1 && days <= 16)) return reply(400, { error: true, reason: 'forecast_hours must be 1–384 and forecast_days 1–16' });
    reply(200, simulatedForecast(env, hours, days));
  });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return new Promise((resolve) => {
    server.once('error', (err) => {
      options.onListenError(err);
      resolve({ address: { host: options.host, port: 0 }, close: async () => {} });
    });
    server.listen(options.port, options.host, () => resolve({ address: { host: options.host, port: (server.address() as AddressInfo).port }, close }));
  });
}
