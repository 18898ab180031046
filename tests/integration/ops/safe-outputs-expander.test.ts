import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/index.js';
import { startHub, type Hub } from '../../../core/hub.js';
import { silentLogger } from '../../../core/log.js';
import { installExitHandlers } from '../../../core/safety/exit.js';
import { createMcp23017Emulator, createPca9685Emulator, createSimBoard } from '../../../hardware/index.js';
import { nextEvent } from '../../helpers/bus.js';

// A shutter whose relays sit on an MCP23017 (active-low board: energised = latch 0) and
// a dimmer on a PCA9685: the outputs the hub used to leave on when it died.
const UP = 4;
const DOWN = 5;
const CHANNEL = 6;
const config = (isolate: boolean) => `name: Expander outputs
plugins:
  - use: shutter
    isolate: ${isolate}
    entities:
      - id: cover.garage
        upLine: { expander: mcp23017, address: 0x21, pin: ${UP} }
        downLine: { expander: mcp23017, address: 0x21, pin: ${DOWN} }
        activeLow: true
        travelUpS: 60
        travelDownS: 60
  - use: pwm-light
    isolate: ${isolate}
    address: 0x41
    lights:
      - { id: light.porch, channel: ${CHANNEL} }
`;

let dir: string;
let hub: Hub | undefined;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hearth-expander-'))));
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function startMoving(isolate: boolean) {
  const hardware = createSimBoard();
  const mcp = createMcp23017Emulator();
  const pca = createPca9685Emulator();
  hardware.sim.attachI2c(1, 0x21, mcp);
  hardware.sim.attachI2c(1, 0x41, pca);
  const loaded = parseConfig(config(isolate), join(dir, 'hearth.yaml'));
  const started = await startHub({ loaded, dataDir: join(dir, 'data'), log: silentLogger(), port: 0, host: '127.0.0.1', hardware });
  hub = started;
  await started.kernel.dispatcher.dispatch({ entityId: 'cover.garage', command: 'open' });
  await started.kernel.dispatcher.dispatch({ entityId: 'light.porch', command: 'turn_on', params: { brightness: 100 } });
  // Mid-move: the up relay is energised, the down one is not, the porch light is full on.
  expect([mcp.level(UP), mcp.level(DOWN)]).toEqual([0, 1]);
  expect(pca.duty(CHANNEL)).toBe(1);
  return { hub: started, mcp, pca };
}

/** The exit handlers the CLI installs, on a private emitter so the test can raise signals and errors. */
function exitHandlers(started: Hub) {
  const target = new EventEmitter();
  let exited!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const handlers = installExitHandlers(silentLogger(), { target, exit: (code) => exited(code) });
  handlers.ready(started);
  return { target, exitCode, dispose: handlers.dispose };
}

describe('expander latches and PWM channels are released on every exit', () => {
  it('an uncaught error no plugin can be blamed for: released, exit 1', async () => {
    const { hub: started, mcp, pca } = await startMoving(false);
    const { target, exitCode, dispose } = exitHandlers(started);
    target.emit('uncaughtException', new Error('a bug in the hub itself'));
    expect(await exitCode).toBe(1);
    dispose();
    expect([mcp.level(UP), mcp.level(DOWN)]).toEqual([1, 1]);
    expect(pca.duty(CHANNEL)).toBe(0);
  });

  it('SIGTERM: a graceful stop releases them, exit 0', async () => {
    const { hub: started, mcp, pca } = await startMoving(false);
    const { target, exitCode, dispose } = exitHandlers(started);
    target.emit('SIGTERM', 'SIGTERM');
    expect(await exitCode).toBe(0);
    dispose();
    expect([mcp.level(UP), mcp.level(DOWN)]).toEqual([1, 1]);
    expect(pca.duty(CHANNEL)).toBe(0);
  });

  it('isolated plugins whose children are killed: the hub releases the latch and the channel it holds for them', async () => {
    const { hub: started, mcp, pca } = await startMoving(true);
    const kill = async (pluginId: string) => {
      const pid = started.plugins.list().find((p) => p.id === pluginId)?.pid;
      expect(pid).toBeTypeOf('number');
      const restarting = nextEvent(started.kernel.bus, 'plugin_status', (e) => e.pluginId === pluginId && e.status === 'restarting');
      process.kill(pid!, 'SIGKILL');
      await restarting;
    };
    await kill('shutter');
    expect([mcp.level(UP), mcp.level(DOWN)]).toEqual([1, 1]);
    // The dimmer's child is alive and shares the bus: its channel stays as it was.
    expect(pca.duty(CHANNEL)).toBe(1);
    await kill('pwm-light');
    expect(pca.duty(CHANNEL)).toBe(0);
  });
});
