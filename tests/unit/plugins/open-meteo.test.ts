import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForecastError, forecastUrl, parseForecast, type Forecast } from '../../../plugins/open-meteo/api.js';
import { conditionOf } from '../../../plugins/open-meteo/conditions.js';
import { retryDelayMs, startPolling } from '../../../plugins/open-meteo/poller.js';
import { sensorSpecs, weatherAttributes } from '../../../plugins/open-meteo/readings.js';
import { simulatedForecast, startWeatherStandIn } from '../../../plugins/demo-house/weather-stand-in.js';
import { createSimBoard } from '../../../hardware/index.js';

/** An answer shaped as open-meteo.com/en/docs documents it (see tests/fixtures/open-meteo/README.md). */
const FIXTURE = JSON.parse(readFileSync(join(process.cwd(), 'tests', 'fixtures', 'open-meteo', 'forecast.json'), 'utf8')) as Record<string, unknown>;
const NOW = Date.parse('2030-01-07T10:20:00Z');

describe('WMO codes', () => {
  it('map to the weather domain’s conditions; a clear night is clear-night, an unknown code exceptional', () => {
    expect([0, 2, 3, 45, 55, 65, 75, 82, 95, 99].map((c) => conditionOf(c))).toEqual(['sunny', 'partlycloudy', 'cloudy', 'fog', 'rainy', 'pouring', 'snowy', 'pouring', 'lightning', 'hail']);
    expect(conditionOf(1, false)).toBe('clear-night');
    expect(conditionOf(3, false)).toBe('cloudy');
    expect(conditionOf(42)).toBe('exceptional');
  });
});

describe('the forecast request', () => {
  it('asks the documented variables for the home, in Unix time, 7 days and 48 hours', () => {
    const url = forecastUrl('http://127.0.0.1:9/meteo', { latitude: 48.85, longitude: 2.35, timezone: 'Europe/Paris' });
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9/meteo/v1/forecast');
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({ latitude: '48.85', longitude: '2.35', timezone: 'Europe/Paris', timeformat: 'unixtime', forecast_days: '7', forecast_hours: '48' });
    expect(q.daily!.split(',')).toContain('temperature_2m_max');
    expect(forecastUrl('https://api.open-meteo.com', { latitude: 1, longitude: 2 }).searchParams.get('timezone')).toBe('auto');
  });
});

describe('parseForecast', () => {
  it('reads current values, 7 daily rows and 48 hourly ones; nulls are left out', () => {
    const f = parseForecast(FIXTURE);
    expect(f.current).toEqual({ condition: 'rainy', temperature: 14.2, humidity: 71, pressure: 1008.4, windSpeed: 17.3, windBearing: 243, precipitation: 0.3 });
    expect(f.daily).toHaveLength(7);
    expect(f.daily[1]).toEqual({ datetime: '2030-01-08T00:00:00.000Z', condition: 'sunny', temperature: 31.5, templow: 18, precipitation: 0, precipitationProbability: 5 });
    expect(f.daily[6]).not.toHaveProperty('precipitationProbability');
    expect(f.hourly).toHaveLength(48);
    expect(f.hourly[0]!.datetime).toBe('2030-01-07T10:00:00.000Z');
    // Hourly rows at night say clear-night where the day says sunny.
    expect(f.hourly.find((r) => r.datetime === '2030-01-08T02:00:00.000Z')!.condition).toBe('clear-night');
  });

  it('refuses what is not a forecast, naming the field', () => {
    expect(() => parseForecast({ error: true, reason: 'x' })).toThrow(ForecastError);
    const { daily: _daily, ...noDaily } = FIXTURE;
    expect(() => parseForecast(noDaily)).toThrow(/daily/);
    expect(() => parseForecast({ ...FIXTURE, current: { ...(FIXTURE.current as object), temperature_2m: '14' } })).toThrow(/current\.temperature_2m/);
  });
});

describe("the demo house's stand-in", () => {
  it('answers what the plugin reads, agreeing with the simulated outdoor air now', async () => {
    const board = createSimBoard({ clock: { start: NOW } });
    try {
      const env = board.sim.environment;
      const f = parseForecast(simulatedForecast(env));
      expect([f.daily.length, f.hourly.length]).toEqual([7, 48]);
      expect(f.current.temperature).toBeCloseTo(env.outdoor().temperatureC, 1);
      expect(f.daily[0]!.temperature).toBeGreaterThanOrEqual(f.current.temperature);
      expect(f.daily[0]!.templow).toBeLessThanOrEqual(f.current.temperature);
      // The same day is forecast alike on every fetch.
      expect(parseForecast(simulatedForecast(env)).daily).toEqual(f.daily);
      env.setRain(true);
      expect(parseForecast(simulatedForecast(env)).current.condition).toBe('rainy');
    } finally {
      await board.close();
    }
  });

  it('serves it over HTTP; a second one on a taken port warns instead of failing', async () => {
    const board = createSimBoard({ clock: { start: NOW } });
    const busy: string[] = [];
    const first = await startWeatherStandIn(board.sim.environment, { port: 0, host: '127.0.0.1', onListenError: (e) => busy.push(e.message) });
    try {
      const { port } = first.address;
      const url = forecastUrl(`http://127.0.0.1:${port}`, { latitude: 48.85, longitude: 2.35 });
      const res = await fetch(url);
      expect(parseForecast(await res.json()).daily).toHaveLength(7);
      expect((await fetch(`http://127.0.0.1:${port}/v1/forecast?forecast_days=3`)).status).toBe(400);
      const second = await startWeatherStandIn(board.sim.environment, { port, host: '127.0.0.1', onListenError: (e) => busy.push(e.message) });
      expect(busy).toEqual([expect.stringContaining('EADDRINUSE')]);
      await second.close();
    } finally {
      await first.close();
      await board.close();
    }
  });
});

describe('readings', () => {
  const forecast: Forecast = parseForecast(FIXTURE);
  const value = (key: string, now: number) => sensorSpecs().find((s) => s.key === key)!.value(forecast, now);

  it('today and tomorrow follow the clock, so a kept forecast still means the right days', () => {
    expect([value('today_max', NOW), value('tomorrow_max', NOW), value('tomorrow_min', NOW), value('today_precipitation_probability', NOW)]).toEqual([15, 31.5, 18, 80]);
    const nextDay = NOW + 86_400_000;
    expect([value('today_max', nextDay), value('tomorrow_max', nextDay)]).toEqual([31.5, 27.2]);
    expect(value('tomorrow_max', Date.parse('2030-01-13T12:00:00Z'))).toBeUndefined();
  });

  it('the weather entity carries the daily and hourly forecast from now on, stale and lastUpdate', () => {
    const later = Date.parse('2030-01-08T13:30:00Z');
    const a = weatherAttributes(forecast, NOW, true, later);
    expect(a).toMatchObject({ temperature: 14.2, humidity: 71, windSpeed: 17.3, windBearing: 243, unit: '°C', windSpeedUnit: 'km/h', stale: true, lastUpdate: '2030-01-07T10:20:00.000Z' });
    expect((a.forecast as { datetime: string }[])[0]!.datetime).toBe('2030-01-08T00:00:00.000Z');
    expect((a.forecastHourly as { datetime: string }[])[0]!.datetime).toBe('2030-01-08T13:00:00.000Z');
    const { humidity: _h, ...current } = forecast.current;
    expect(weatherAttributes({ ...forecast, current }, NOW, false, NOW)).toHaveProperty('humidity', undefined);
  });
});

describe('polling', () => {
  afterEach(() => vi.useRealTimers());

  it('retries sooner after a failure, then backs off up to the interval or 30 min', () => {
    expect([1, 2, 3, 7, 20].map((n) => retryDelayMs(n, 900_000) / 1000)).toEqual([30, 60, 120, 1800, 1800]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, 5_000) / 1000)).toEqual([5, 10, 20]);
  });

  it('reports failures as stale until staleAfter has passed since the last good answer, then expired; a good answer resets it', async () => {
    vi.useFakeTimers({ now: NOW });
    let online = true;
    const seen: string[] = [];
    const timers = { setTimeout: (fn: () => void | Promise<void>, ms: number) => { const h = setTimeout(fn, ms); return { cancel: () => clearTimeout(h) }; } };
    const poller = startPolling({
      timers,
      now: Date.now,
      intervalMs: 600_000,
      staleAfterMs: 3 * 3_600_000,
      fetch: async () => {
        if (!online) throw new Error('offline');
        return 'forecast';
      },
      onFresh: (_v, at) => seen.push(`fresh@${(at - NOW) / 60_000}`),
      onFailure: (_e, { expired }) => seen.push(`${expired ? 'expired' : 'stale'}@${(Date.now() - NOW) / 60_000}`),
    });
    await vi.advanceTimersByTimeAsync(0);
    online = false;
    await vi.advanceTimersByTimeAsync(3.5 * 3_600_000);
    // Offline from minute 10: retries 0.5, 1, 2, 4 … min later, then every 30 min; expired 3 h after the good answer at minute 0.
    const at = (prefix: string) => seen.filter((s) => s.startsWith(prefix)).map((s) => Number(s.split('@')[1]));
    expect(seen[0]).toBe('fresh@0');
    expect(at('stale').slice(0, 5)).toEqual([10, 10.5, 11.5, 13.5, 17.5]);
    expect(Math.max(...at('stale'))).toBeLessThan(180);
    expect(at('expired')[0]).toBeGreaterThanOrEqual(180);
    expect(at('expired')[0]).toBeLessThan(180 + 30);
    online = true;
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(seen.at(-1)).toMatch(/^fresh@/);
    poller.cancel();
    const count = seen.length;
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(seen).toHaveLength(count);
  });
});
