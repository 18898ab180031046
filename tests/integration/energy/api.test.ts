import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { energySchema } from '../../../core/config/index.js';
import { createEnergy, createEnergyRoutes } from '../../../core/energy/index.js';
import { silentLogger } from '../../../core/log.js';
import type { EnergyReport, TariffComparison } from '../../../core/energy/index.js';
import { createRig, type Rig } from '../history/helpers.js';

/** Times come as ISO strings over HTTP. */
type Json<T> = { [K in keyof T]: T[K] extends number ? (K extends 'start' | 'end' ? string : number) : T[K] extends object ? Json<T[K]> : T[K] };
const json = async <T>(res: Response) => (await res.json()) as Json<T>;

const TZ = 'Europe/Paris';
const HOUR = 3_600_000;
/** Midnight of 14 January 2026 in Paris. */
const D14 = Date.parse('2026-01-13T23:00:00Z');
const D15 = D14 + 24 * HOUR;
const D16 = D15 + 24 * HOUR;

const config = energySchema.parse({
  currency: 'EUR',
  electricity: {
    meters: ['sensor.linky_imported'],
    tariff: 'hchp',
    base: { prices: [{ from: '2025-01-01', subscriptionPerMonth: 31, kWh: 0.25 }] },
    hchp: { offPeak: ['22:00-06:00'], prices: [{ from: '2025-01-01', subscriptionPerMonth: 31, hc: 0.1, hp: 0.3 }] },
    tempo: {
      colour: 'sensor.linky_tempo_today',
      prices: [{ from: '2025-01-01', subscriptionPerMonth: 31, blue: { hc: 0.1, hp: 0.15 }, white: { hc: 0.2, hp: 0.25 }, red: { hc: 0.3, hp: 0.7 } }],
    },
  },
  water: { meters: ['sensor.water'], prices: [{ from: '2025-01-01', perM3: 4 }] },
});

let rig: Rig;
afterEach(() => rig?.close());

/**
 * Two local days of a known house: 2 kWh an hour off-peak (22:00–06:00), 1 kWh an hour
 * otherwise, read at the end of every hour; 10 L of water an hour; a Tempo day blue on
 * the 14th and red from 06:00 on the 15th.
 */
async function recordTwoDays() {
  rig = createRig({ start: D14 - HOUR, timezone: TZ });
  await rig.recorder.start();
  rig.add('sensor.linky_imported', { unit: 'kWh', stateClass: 'total_increasing' });
  rig.add('sensor.water', { unit: 'm³', stateClass: 'total_increasing' });
  rig.add('sensor.linky_tempo_today', { deviceClass: 'enum', options: ['blue', 'white', 'red'] });
  let kwh = 1000;
  let m3 = 50;
  rig.set('sensor.linky_imported', kwh);
  rig.set('sensor.water', m3);
  for (let t = D14; t < D16; t += HOUR) {
    const localHour = new Date(t + HOUR).getUTCHours();
    kwh += localHour >= 22 || localHour < 6 ? 2 : 1;
    m3 += 0.01;
    rig.clock.now = t + HOUR - 1;
    rig.set('sensor.linky_imported', kwh);
    rig.set('sensor.water', Number(m3.toFixed(3)));
    if (localHour === 6) rig.set('sensor.linky_tempo_today', t === D14 + 6 * HOUR ? 'blue' : 'red');
  }
  rig.clock.now = D16 + HOUR;
  rig.recorder.flush();
}

function app(withConfig = true) {
  const hono = new Hono<ApiEnv>();
  hono.onError((err, c) => errorResponse(err, c, silentLogger()));
  hono.use(async (c, next) => {
    c.set('user', { id: 'u1', username: 'alice', role: 'member' });
    await next();
  });
  const now = () => rig.clock.now;
  const energy = withConfig ? createEnergy({ config, history: rig.queries(), timezone: TZ, now }) : undefined;
  hono.route('/api', createEnergyRoutes(energy, now).routes);
  return hono;
}

describe('GET /api/energy on a real SQLite history', () => {
  it('gives each local day its consumption per meter and tariff period, its cost, and the day before', async () => {
    await recordTwoDays();
    const res = await app().request(`/api/energy?period=day&start=${D14}&end=${D16}`);
    expect(res.status).toBe(200);
    const body = await json<EnergyReport>(res);
    expect(body).toMatchObject({ currency: 'EUR', tariff: 'hchp', period: 'day', meters: { 'sensor.linky_imported': { kind: 'electricity', billed: true }, 'sensor.water': { kind: 'water', billed: true } } });
    expect(body.rows.map((r) => r.start)).toEqual([new Date(D14).toISOString(), new Date(D15).toISOString()]);
    const [, fifteenth] = body.rows;
    expect(fifteenth.meters['sensor.linky_imported']).toEqual({ kind: 'electricity', change: 32, byPeriod: { hc: 16, hp: 16 } });
    expect(fifteenth.meters['sensor.water'].change).toBeCloseTo(0.24, 6);
    // 16 × 0.1 + 16 × 0.3, water 0.24 × 4, one day of a 31 €/month subscription
    expect(fifteenth.cost.electricity).toBeCloseTo(6.4, 6);
    expect(fifteenth.cost.water).toBeCloseTo(0.96, 6);
    expect(fifteenth.cost.byPeriod.hc).toBeCloseTo(1.6, 6);
    expect(fifteenth.cost.subscription).toBeCloseTo(1, 6);
    expect(fifteenth.cost.total).toBeCloseTo(8.36, 6);
    expect(fifteenth.previous).toMatchObject({ start: new Date(D14).toISOString(), electricity: 32 });
    expect(fifteenth.previous.cost).toBeCloseTo(8.36, 6);
    // nothing recorded a year earlier: nothing owed either
    expect(fifteenth.yearAgo).toMatchObject({ electricity: 0, water: 0, cost: 0 });
  });

  it('prices the 15th under each option: Tempo red from 06:00, its first hours the blue day before', async () => {
    await recordTwoDays();
    const res = await app().request(`/api/energy/compare?start=${new Date(D15).toISOString()}&end=${new Date(D16).toISOString()}`);
    expect(res.status).toBe(200);
    const body = await json<TariffComparison>(res);
    expect(body.current).toBe('hchp');
    expect(body.options.map((o) => [o.tariff, Number(o.total.toFixed(6))])).toEqual([
      ['hchp', 7.4],
      ['base', 9],
      // 12 kWh blue HC, 16 red HP, 4 red HC
      ['tempo', 14.6],
    ]);
    expect(body.options[2].byPeriod).toMatchObject({ blue_hc: { amount: 12 }, red_hp: { amount: 16 }, red_hc: { amount: 4 } });
  });

  it('lists the Tempo colour of each day', async () => {
    await recordTwoDays();
    const res = await app().request(`/api/energy/tempo?start=${D14}&end=${D16}`);
    expect(await res.json()).toEqual({ days: [{ date: '2026-01-14', colour: 'blue' }, { date: '2026-01-15', colour: 'red' }], today: 'red', tomorrow: null });
  });

  it('answers 400 with a message for bad parameters, 404 when energy is not configured', async () => {
    await recordTwoDays();
    for (const [url, message] of [
      ['/api/energy?period=fortnight', 'invalid query: period'],
      [`/api/energy?start=${D16}&end=${D14}`, 'start must be before end'],
      ['/api/energy?start=yesterday', 'invalid query: start'],
      [`/api/energy?period=hour&start=${D14 - 100 * 24 * HOUR}&end=${D14}`, 'period=hour covers at most 62 days'],
      [`/api/energy/compare?start=${D16}&end=${D15}`, 'start must be before end'],
    ] as const) {
      const res = await app().request(url);
      expect(res.status, url).toBe(400);
      const body = await json<{ error: { code: string; message: string } }>(res);
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toContain(message);
    }
    const missing = await app(false).request('/api/energy');
    expect(missing.status).toBe(404);
    expect((await json<{ error: { message: string } }>(missing)).error.message).toContain('energy is not configured');
  });
});
