import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, vi } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAutomationEngine, type AutomationEngine, type Trace } from '../../../core/automation/index.js';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';
import { createKernel, type Context, type Kernel, type StateValue } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

export interface Call {
  entityId: string;
  command: string;
  params: Record<string, unknown>;
  context: Context;
}

/** A kernel with a few entities whose commands are recorded and confirmed at once. */
/** `motion` null = not reported yet, as right after a restart. */
export function testHome(options: { motion?: 'on' | 'off' | null } = {}) {
  const kernel = createKernel(silentLogger());
  const calls: Call[] = [];
  const add = (id: string, state: StateValue | null = null) => {
    kernel.states.init(kernel.registry.add({ id, owner: 'test' }));
    if (state !== null) kernel.states.update(id, { state });
  };
  const controllable = (id: string) => {
    add(id, 'off');
    const record = (command: string, state: StateValue) => (params: Record<string, unknown>, context: Context) => {
      calls.push({ entityId: id, command, params: { ...params }, context });
      kernel.states.update(id, { state }, context);
    };
    kernel.dispatcher.register(id, { turn_on: record('turn_on', 'on'), turn_off: record('turn_off', 'off') });
  };
  add('binary_sensor.motion', options.motion === undefined ? 'off' : options.motion);
  add('sensor.temperature', 20);
  add('sensor.lux', 100);
  controllable('light.hall');
  controllable('switch.fan');
  const set = (id: string, state: StateValue | null, attributes?: Record<string, unknown>) => kernel.states.update(id, { state, ...(attributes && { attributes }) });
  return { kernel, calls, set };
}

export function tempDatabase(): { path: string; open(): DatabaseHandle; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-automation-'));
  const path = join(dir, 'hearth.db');
  return { path, open: () => openDatabase(path), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startEngine(kernel: Kernel, database: DatabaseHandle, extra: Partial<Parameters<typeof createAutomationEngine>[0]> = {}): Promise<AutomationEngine> {
  const engine = createAutomationEngine({ kernel, database, log: silentLogger(), ...extra });
  await engine.start();
  return engine;
}

/**
 * One life of a hub on `tmp`'s database file. A restart is: `shutdown()`, then
 * boot again on the same file with a new kernel and engine.
 */
export async function bootHub(tmp: ReturnType<typeof tempDatabase>, options: Parameters<typeof testHome>[0] = {}, extra: Partial<Parameters<typeof createAutomationEngine>[0]> = {}) {
  const home = testHome(options);
  const database = tmp.open();
  const engine = await startEngine(home.kernel, database, extra);
  return { home, engine, database, shutdown: async () => (await engine.stop(), database.close()) };
}

/** Resolves with the next trace of `automationId` emitted on the bus. */
export function nextTrace(kernel: Kernel, automationId: string): Promise<Trace> {
  return new Promise((resolve) => {
    const off = kernel.bus.on('automation_trace', ({ trace }) => {
      if (trace.automationId !== automationId) return;
      off();
      resolve(trace);
    });
  });
}

/**
 * A test home, a database and a started engine on fake time, fresh for each test:
 * read the current ones through the returned getters.
 */
export function useEngine(now = Date.parse('2024-06-03T10:00:00Z')) {
  let home: ReturnType<typeof testHome>;
  let tmp: ReturnType<typeof tempDatabase>;
  let database: DatabaseHandle;
  let engine: AutomationEngine;
  beforeEach(async () => {
    vi.useFakeTimers({ now });
    home = testHome();
    tmp = tempDatabase();
    database = tmp.open();
    engine = await startEngine(home.kernel, database);
  });
  afterEach(async () => {
    await engine.stop();
    database.close();
    tmp.cleanup();
    vi.useRealTimers();
  });
  return { home: () => home, engine: () => engine, database: () => database };
}

/** A temp database file on fake time, fresh for each test (restart tests reopen it). */
export function useTempDatabase(now = Date.parse('2024-06-03T10:00:00Z')): () => ReturnType<typeof tempDatabase> {
  let tmp: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    vi.useFakeTimers({ now });
    tmp = tempDatabase();
  });
  afterEach(() => {
    tmp.cleanup();
    vi.useRealTimers();
  });
  return () => tmp;
}
