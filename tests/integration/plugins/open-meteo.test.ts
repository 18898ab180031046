import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutomationEngine, parseOrThrow, type AutomationEngine } from '../../../core/automation/index.js';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';
import { createHistoryQueries, createRecorder, type Recorder } from '../../../core/history/index.js';
import { definePlugin } from '../../../core/plugin-api.js';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';

/**
 * The open-meteo plugin against a real HTTP server on loopback that replays an answer
 * shaped as open-meteo.com/en/docs documents it (tests/fixtures/open-meteo), or fails
 * the way a server or a network does.
 */
const FIXTURE = readFileSync(join(process.cwd(), 'tests', 'fixtures', 'open-meteo', 'forecast.json'), 'utf8');
const NOW = Date.parse('2030-01-07T10:20:00Z');
const LOCATION = { latitude: 48.85, longitude: 2.35, timezone: 'Europe/Paris' };

type Mode = 'ok' | 'cool' | 'error' | 'malformed' | 'hang' | 'not-a-forecast';

function replayServer() {
  let mode: Mode = 'ok';
  const requests: URL[] = [];
  const hung: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(new URL(req.url!, 'http://x'));
    if (mode === 'hang') return void hung.push(req);
    res.setHeader('content-type', 'application/json');
    if (mode === 'error') res.writeHead(500).end(JSON.stringify({ error: true, reason: 'Internal server error' }));
    else if (mode === 'malformed') res.end(FIXTURE.slice(0, 400));
    else if (mode === 'cool') res.end(FIXTURE.replace('"temperature_2m_max":[15.0,31.5', '"temperature_2m_max":[15.0,25'));
    else if (mode === 'not-a-forecast') res.end(JSON.stringify({ hello: 'world' }));
    else res.end(FIXTURE);
  });
  return {
    requests,
    set: (m: Mode) => (mode = m),
    listen: (port = 0) => new Promise<string>((resolve) => server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A logger whose warnings the test can wait for. */
function capturedLog() {
  const warnings: string[] = [];
  const waiters: { pattern: RegExp; resolve(): void }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = JSON.parse(chunk.toString()) as { level: number; msg: string; err?: string };
      if (line.level === 40) {
        const text = `${line.msg}: ${line.err ?? ''}`;
        warnings.push(text);
        for (const w of waiters.filter((w) => w.pattern.test(text))) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
      }
      done();
    },
  });
  return {
    log: pino({ level: 'warn' }, stream),
    warnings,
    warned: (pattern: RegExp) => (warnings.some((w) => pattern.test(w)) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ pattern, resolve }))),
  };
}

const weatherConfig = (baseUrl: string, extra: Record<string, unknown> = {}) => ({ name: 'Test', location: LOCATION, plugins: [{ use: 'open-meteo', baseUrl, intervalS: 1, timeoutS: 0.3, ...extra }] });

let server: ReturnType<typeof replayServer>;
let hub: TestHub | undefined;
let baseUrl: string;

beforeEach(async () => {
  // Only Date is faked: "today" and "tomorrow" are the fixture's days, timers and sockets stay real.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  server = replayServer();
  baseUrl = await server.listen();
});
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await server.close();
  vi.useRealTimers();
});

describe('open-meteo plugin', { timeout: 20_000 }, () => {
  it('shows the current weather, the daily and hourly forecast and the sensors, asked for the home', async () => {
    hub = await createTestHub({ config: weatherConfig(baseUrl) });
    const weather = await hub.waitFor('weather.home', (s) => s.state !== null);
    expect(weather.state).toBe('rainy');
    expect(weather.available).toBe(true);
    expect(weather.attributes).toMatchObject({ temperature: 14.2, humidity: 71, pressure: 1008.4, windSpeed: 17.3, windBearing: 243, precipitation: 0.3, stale: false, lastUpdate: new Date(NOW).toISOString() });
    expect(weather.attributes.forecast).toHaveLength(7);
    expect(weather.attributes.forecastHourly).toHaveLength(48);
    expect(hub.state('sensor.home_temperature').state).toBe(14.2);
    expect(hub.state('sensor.home_tomorrow_max')).toMatchObject({ state: 31.5, attributes: { unit: '°C', deviceClass: 'temperature' } });
    expect(hub.state('sensor.home_today_min').state).toBe(8.1);
    expect(hub.state('sensor.home_today_precipitation_probability').state).toBe(80);
    const q = Object.fromEntries(server.requests[0]!.searchParams);
    expect(server.requests[0]!.pathname).toBe('/v1/forecast');
    expect(q).toMatchObject({ latitude: '48.85', longitude: '2.35', timezone: 'Europe/Paris', timeformat: 'unixtime' });
  });

  it('history rows keep the current weather but not the forecasts, which stay in the live state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-weather-history-'));
    let database: DatabaseHandle | undefined;
    let recorder: Recorder | undefined;
    try {
      server.set('cool');
      hub = await createTestHub({ config: weatherConfig(baseUrl, { timeoutS: 5 }) });
      database = openDatabase(join(dir, 'hearth.db'));
      recorder = createRecorder({ kernel: hub.kernel, database, log: capturedLog().log, options: { commitIntervalS: 60, keepDays: 10 } });
      await recorder.start();
      await hub.waitFor('sensor.home_tomorrow_max', (s) => s.state === 25);
      server.set('ok');
      const live = await hub.waitFor('sensor.home_tomorrow_max', (s) => s.state === 31.5).then(() => hub!.state('weather.home'));
      expect(live.attributes.forecast).toHaveLength(7);
      recorder.flush();
      const rows = createHistoryQueries(database).statesBetween(['weather.home'], NOW - 60_000, NOW + 60_000);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.attributes).toMatchObject({ temperature: 14.2, unit: '°C' });
        expect(row.attributes).not.toHaveProperty('forecast');
        expect(row.attributes).not.toHaveProperty('forecastHourly');
      }
      const stored = database.sqlite.prepare('SELECT max(length(json)) AS longest FROM history_attributes').get() as { longest: number };
      expect(stored.longest).toBeLessThan(1000);
    } finally {
      await recorder?.stop();
      database?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 500, malformed JSON, a wrong body and a timeout each keep the last forecast, marked stale; the next good answer is fresh', async () => {
    const { log, warned } = capturedLog();
    hub = await createTestHub({ config: weatherConfig(baseUrl), log });
    await hub.waitFor('weather.home', (s) => s.attributes.stale === false);
    const failures: [Mode, RegExp][] = [
      ['error', /answered 500: Internal server error/],
      ['malformed', /malformed JSON/],
      ['not-a-forecast', /not an Open-Meteo forecast: current/],
      ['hang', /no answer within 0\.3 s/],
    ];
    for (const [mode, reason] of failures) {
      server.set(mode);
      await warned(reason);
      const stale = await hub.waitFor('weather.home', (s) => s.attributes.stale === true);
      expect(stale).toMatchObject({ state: 'rainy', available: true, attributes: { temperature: 14.2, lastUpdate: new Date(NOW).toISOString() } });
      expect(stale.attributes.forecast).toHaveLength(7);
      expect(hub.state('sensor.home_tomorrow_max')).toMatchObject({ state: 31.5, available: true });
      server.set('ok');
      await hub.waitFor('weather.home', (s) => s.attributes.stale === false);
    }
  });

  it('going offline keeps the forecast stale; back online it is fresh again', async () => {
    hub = await createTestHub({ config: weatherConfig(baseUrl) });
    await hub.waitFor('weather.home', (s) => s.attributes.stale === false);
    await server.close();
    const stale = await hub.waitFor('weather.home', (s) => s.attributes.stale === true);
    expect(stale).toMatchObject({ state: 'rainy', available: true });
    server = replayServer();
    await server.listen(Number(new URL(baseUrl).port));
    await hub.waitFor('weather.home', (s) => s.attributes.stale === false);
    expect(hub.state('sensor.home_tomorrow_max')).toMatchObject({ state: 31.5, available: true });
  });

  it('after a restart offline the kept forecast is shown stale, and the entities are unavailable only once staleAfterH has passed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-weather-'));
    try {
      hub = await createTestHub({ config: weatherConfig(baseUrl, { staleAfterH: 3 }), dataDir });
      await hub.waitFor('weather.home', (s) => s.attributes.stale === false);
      await hub.stop();
      await server.close();

      vi.setSystemTime(NOW + 2 * 3_600_000);
      const { log, warned } = capturedLog();
      hub = await createTestHub({ config: weatherConfig(baseUrl, { staleAfterH: 3 }), dataDir, log });
      expect(hub.state('weather.home')).toMatchObject({ state: 'rainy', available: true, attributes: { stale: true, lastUpdate: new Date(NOW).toISOString() } });
      await warned(/keeping the last one: cannot reach/);
      expect(hub.state('sensor.home_tomorrow_max')).toMatchObject({ state: 31.5, available: true });
      await hub.stop();

      vi.setSystemTime(NOW + 3 * 3_600_000 + 1);
      hub = await createTestHub({ config: weatherConfig(baseUrl, { staleAfterH: 3 }), dataDir });
      await hub.waitFor('weather.home', (s) => !s.available);
      expect(hub.state('sensor.home_tomorrow_max').available).toBe(false);
    } finally {
      await hub?.stop();
      hub = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('an automation closes the shutter when tomorrow’s maximum is above 30 °C', async () => {
    const closed: string[] = [];
    const shutter = definePlugin({
      manifest: { id: 'shutter-stub', name: 'Shutter stub', version: '1.0.0', apiVersion: 1, configSchema: { type: 'object' } },
      setup(ctx) {
        const cover = ctx.entities.add({
          id: 'cover.living_room',
          commands: {
            close: () => {
              closed.push('cover.living_room');
              cover.setState('closed', { position: 0 });
            },
          },
        });
        cover.setState('open', { position: 100 });
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'hearth-weather-db-'));
    let database: DatabaseHandle | undefined;
    let engine: AutomationEngine | undefined;
    try {
      server.set('cool');
      const config = weatherConfig(baseUrl);
      hub = await createTestHub({ config: { ...config, plugins: [...config.plugins, { use: 'shutter-stub' }] }, plugins: { 'shutter-stub': shutter } });
      database = openDatabase(join(dir, 'hearth.db'));
      const hot = {
        id: 'shade_before_a_hot_day',
        triggers: [{ type: 'numeric_state', entity: 'sensor.home_tomorrow_max', above: 30 }],
        conditions: [{ type: 'numeric_state', entity: 'sensor.home_tomorrow_max', above: 30 }],
        actions: [{ command: 'close', entity: 'cover.living_room' }],
      };
      engine = createAutomationEngine({ kernel: hub.kernel, database, log: capturedLog().log, fileAutomations: [{ definition: parseOrThrow(hot), input: hot }] });
      await engine.start();
      await hub.waitFor('sensor.home_tomorrow_max', (s) => s.state === 25);
      expect(hub.state('cover.living_room').state).toBe('open');
      server.set('ok');
      await hub.waitFor('cover.living_room', (s) => s.state === 'closed');
      expect(closed).toEqual(['cover.living_room']);
    } finally {
      await engine?.stop();
      database?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
