import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';
import { ForbiddenError, ValidationError } from '../../../core/errors.js';
import { createKernel, type EntityState, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createSchedules, scheduleSchema, type Schedules } from '../../../core/schedules/index.js';

const bedroom = scheduleSchema.parse({ id: 'bedroom', name: 'Bedroom', days: { mon: [{ from: '06:30', to: '08:00', value: 'comfort' }, { from: '18:00', to: '22:30', value: 19 }] } });

let dir: string;
let database: DatabaseHandle;
let kernel: Kernel;
let schedules: Schedules;
const start = async () => {
  schedules = createSchedules({ kernel, database, log: silentLogger(), timezone: 'Europe/Paris', fileSchedules: [bedroom] });
  await schedules.start();
};
const state = (id = 'schedule.bedroom') => kernel.states.get(id);

beforeEach(() => {
  // Monday 2026-12-07, 06:00 in Paris
  vi.useFakeTimers({ now: Date.parse('2026-12-07T05:00:00Z') });
  dir = mkdtempSync(join(tmpdir(), 'hearth-schedules-'));
  database = openDatabase(join(dir, 'hearth.db'));
  kernel = createKernel(silentLogger());
});
afterEach(async () => {
  await schedules.stop();
  database.close();
  rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

describe('schedule entities', () => {
  it('are hub-owned entities whose state and attributes change exactly at block edges', async () => {
    await start();
    expect(kernel.registry.get('schedule.bedroom')).toMatchObject({ owner: 'schedules', name: 'Bedroom' });
    expect(state()).toMatchObject({ state: 'off', attributes: { next: '2026-12-07T05:30:00.000Z' } });
    expect(state()!.attributes).not.toHaveProperty('value');

    const seen: EntityState[] = [];
    kernel.bus.on('state_changed', ({ newState }) => newState?.id === 'schedule.bedroom' && seen.push(newState));
    vi.advanceTimersByTime(30 * 60_000 - 1);
    expect(state()!.state).toBe('off');
    vi.advanceTimersByTime(1);
    expect(state()).toMatchObject({ state: 'on', lastChanged: '2026-12-07T05:30:00.000Z', attributes: { value: 'comfort', next: '2026-12-07T07:00:00.000Z' } });
    expect(seen).toHaveLength(1);

    vi.advanceTimersByTime(90 * 60_000);
    expect(state()).toMatchObject({ state: 'off', lastChanged: '2026-12-07T07:00:00.000Z', attributes: { next: '2026-12-07T17:00:00.000Z' } });
    expect(state()!.attributes).not.toHaveProperty('value');
    vi.advanceTimersByTime(10 * 3_600_000);
    expect(state()).toMatchObject({ state: 'on', lastChanged: '2026-12-07T17:00:00.000Z', attributes: { value: 19 } });
    // One change per edge, none in between despite the minute re-checks
    expect(seen.map((s) => s.state)).toEqual(['on', 'off', 'on']);
  });

  it('change at the wall-clock edges across spring-forward (Paris, 2026-03-29)', async () => {
    vi.setSystemTime(Date.parse('2026-03-28T23:30:00Z'));
    const night = scheduleSchema.parse({ id: 'night', days: { sun: [{ from: '02:30', to: '04:00', value: 'eco' }, { from: '06:30', to: '08:00', value: 'comfort' }] } });
    schedules = createSchedules({ kernel, database, log: silentLogger(), timezone: 'Europe/Paris', fileSchedules: [night] });
    await schedules.start();
    const changes: string[] = [];
    kernel.bus.on('state_changed', ({ newState }) => newState?.id === 'schedule.night' && changes.push(`${newState.lastUpdated} ${newState.state} ${String(newState.attributes.value)}`));
    vi.advanceTimersByTime(10 * 3_600_000);
    // 02:30 does not exist that night: the block starts when the clocks jump to 03:00 CEST (01:00Z)
    expect(changes).toEqual([
      '2026-03-29T01:00:00.000Z on eco',
      '2026-03-29T02:00:00.000Z off undefined',
      '2026-03-29T04:30:00.000Z on comfort',
      '2026-03-29T06:00:00.000Z off undefined',
    ]);
  });

  it('catch up within a minute when the wall clock jumps', async () => {
    await start();
    vi.setSystemTime(Date.parse('2026-12-07T06:00:00Z'));
    expect(state()!.state).toBe('off');
    vi.advanceTimersByTime(60_000);
    expect(state()).toMatchObject({ state: 'on', attributes: { value: 'comfort', next: '2026-12-07T07:00:00.000Z' } });
  });

  it('catch up within a minute when the wall clock jumps back out of a block', async () => {
    await start();
    vi.advanceTimersByTime(45 * 60_000);
    expect(state()).toMatchObject({ state: 'on', attributes: { value: 'comfort' } });
    vi.setSystemTime(Date.parse('2026-12-07T05:10:00Z'));
    vi.advanceTimersByTime(60_000);
    expect(state()).toMatchObject({ state: 'off', attributes: { next: '2026-12-07T05:30:00.000Z' } });
  });

  it('API schedules are created, replaced (same entity goes on), deleted and kept across a restart; YAML ones are read-only', async () => {
    await start();
    const created = schedules.create({ id: 'hall', days: { weekdays: [{ from: '05:30', to: '07:00', value: 40 }] } });
    expect(created).toMatchObject({ id: 'hall', name: 'hall', entityId: 'schedule.hall', source: 'api', readOnly: false, days: { mon: [{ from: '05:30', to: '07:00', value: 40 }], sat: [] } });
    expect(state('schedule.hall')).toMatchObject({ state: 'on', attributes: { value: 40 } });
    const removed: string[] = [];
    kernel.bus.on('entity_removed', ({ entityId }) => removed.push(entityId));
    schedules.replace('hall', { days: { mon: [{ from: '05:30', to: '07:00', value: 60 }] } });
    expect(state('schedule.hall')).toMatchObject({ state: 'on', attributes: { value: 60 } });
    expect(removed).toEqual([]);

    expect(schedules.get('bedroom')).toMatchObject({ source: 'yaml', readOnly: true });
    expect(() => schedules.replace('bedroom', { days: {} })).toThrow(ForbiddenError);
    expect(() => schedules.remove('bedroom')).toThrow(/read-only through the API; edit the file/);
    expect(() => schedules.create({ id: 'bad', days: { mon: [{ from: '07:00', to: '06:00' }] } })).toThrow(ValidationError);
    expect(() => schedules.create({ id: 'bad', days: { mon: [{ from: '07:00', to: '06:00' }] } })).toThrow(/days\.mon\[0\]\.to: must be after from/);

    await schedules.stop();
    expect(state('schedule.hall')).toBeUndefined();
    await start();
    expect(state('schedule.hall')).toMatchObject({ state: 'on', attributes: { value: 60 } });
    schedules.remove('hall');
    expect(kernel.registry.get('schedule.hall')).toBeUndefined();
    await schedules.stop();
    await start();
    expect(schedules.list().map((s) => s.id)).toEqual(['bedroom']);
  });
});
