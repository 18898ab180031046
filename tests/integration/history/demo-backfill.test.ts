/**
 * Issue #25: the demo house's first start lives its past week fast, so History has a past;
 * a later start keeps that history and simulates nothing again. The compiled hub, the demo
 * config, a fresh data dir, the real recorder and the statistics API.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

const DEMO = join(process.cwd(), 'examples', 'demo-house.yaml');
const OWNER = { username: 'alice', password: 'correct horse battery' };
const HOUR_MS = 3_600_000;
const DAYS = 7;

interface StatisticsRow { start: string; mean: number; min: number; max: number; count: number }

/** What the recorder wrote, read straight from the file while the hub is stopped. */
function census(dataDir: string) {
  const db = new Database(join(dataDir, 'hearth.db'), { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      states: count('SELECT count(*) AS n FROM states') + count('SELECT count(*) AS n FROM states_staged'),
      statistics: count('SELECT count(*) AS n FROM statistics'),
      logbook: count('SELECT count(*) AS n FROM logbook'),
      traces: count('SELECT count(*) AS n FROM automation_traces'),
    };
  } finally {
    db.close();
  }
}

describe('the demo house starts with a lived-in week', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-backfill-'));
  let hub: RunningHub | undefined;
  let firstStartedAt = 0;
  let token = '';

  afterAll(async () => {
    await hub?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const statistics = async (entityId: string, period: '5m' | '1h', startMs: number, endMs: number): Promise<StatisticsRow[]> => {
    const url = `${hub!.url}/api/statistics/${entityId}?period=${period}&start=${new Date(startMs).toISOString()}&end=${new Date(endMs).toISOString()}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { rows: StatisticsRow[] }).rows;
  };

  it('first start: simulates the past week before printing the URL, with statistics for all of it', async () => {
    firstStartedAt = Date.now();
    hub = await startHubProcess({ config: DEMO, dataDir, backfill: true });
    const filled = await hub.waitForLog(/^history filled/);
    expect(filled).toMatchObject({ days: DAYS });
    const output = hub.output();
    expect(output.indexOf('history filled')).toBeLessThan(output.indexOf('Hearth is running'));

    const onboarding = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json', origin: hub.url }, body: JSON.stringify(OWNER) });
    expect(onboarding.status).toBe(201);
    token = ((await onboarding.json()) as { token: string }).token;

    const weekAgo = firstStartedAt - DAYS * 24 * HOUR_MS;
    // Only changes are recorded: an hour with none (a dark night, a room the thermostat holds
    // steady) has no statistic, so most hours, and the week end to end.
    for (const entityId of ['sensor.living_room_temperature', 'sensor.bedroom_temperature', 'binary_sensor.hall_motion']) {
      const hours = await statistics(entityId, '1h', weekAgo, firstStartedAt);
      expect(hours.length, entityId).toBeGreaterThanOrEqual(DAYS * 24 * 0.8);
      expect(Date.parse(hours[0]!.start) - weekAgo, entityId).toBeLessThan(2 * HOUR_MS);
      expect(firstStartedAt - Date.parse(hours.at(-1)!.start), entityId).toBeLessThan(3 * HOUR_MS);
      expect(new Set(hours.map((r) => r.start)).size, entityId).toBe(hours.length);
    }
    // The Linky read the house all week: its index grew with the simulated consumption, never back.
    const meter = await statistics('sensor.linky_imported', '1h', weekAgo, firstStartedAt);
    expect(meter.length).toBeGreaterThanOrEqual(DAYS * 24 * 0.8);
    expect(meter.every((r, i) => i === 0 || r.min >= meter[i - 1]!.max)).toBe(true);
    expect(meter.at(-1)!.max - meter[0]!.min).toBeGreaterThan(DAYS * 24 * 0.25);
    // a week of weather: the garden sees day and night, the house sees people come and go
    const light = await statistics('sensor.garden_illuminance', '1h', weekAgo, firstStartedAt);
    expect(Date.parse(light.at(-1)!.start) - Date.parse(light[0]!.start)).toBeGreaterThan((DAYS - 1) * 24 * HOUR_MS);
    expect(Math.min(...light.map((r) => r.min))).toBe(0);
    expect(Math.max(...light.map((r) => r.max))).toBeGreaterThan(1000);
    const motion = await statistics('binary_sensor.hall_motion', '1h', weekAgo, firstStartedAt);
    expect(motion.filter((r) => r.max === 1).length).toBeGreaterThan(DAYS * 24 * 0.9);
    const fiveMinutes = await statistics('sensor.living_room_temperature', '5m', firstStartedAt - 24 * HOUR_MS, firstStartedAt);
    expect(fiveMinutes.length).toBeGreaterThanOrEqual(24 * 12 * 0.5);
  });

  it('a later start keeps that week and simulates nothing again', async () => {
    await hub!.stop();
    const before = census(dataDir);
    expect(before.traces).toBeGreaterThan(0);

    hub = await startHubProcess({ config: DEMO, dataDir, backfill: true });
    expect(hub.output()).not.toMatch(/simulating the last|history filled/);
    await hub.stop();
    const after = census(dataDir);
    // the second run only adds its own few seconds: nothing of the week twice
    expect(after.statistics - before.statistics).toBeLessThan(200);
    expect(after.states - before.states).toBeLessThan(500);
    expect(after.logbook - before.logbook).toBeLessThan(500);
    hub = undefined;
  });
});
