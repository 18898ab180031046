import { mkdtempSync, rmSync } from 'node:fs';
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
