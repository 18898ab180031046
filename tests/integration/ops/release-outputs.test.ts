import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pca9685DutyFromRegisters } from '../../../hardware/index.js';
import { TEST_I2C_DIR_ENV, TEST_SYSFS_ENV } from '../../../hardware/hub.js';
import { CLI, ROOT, startHubProcess } from '../../helpers/hub-process.js';

// A Pi 4 on kernel 6.6 (header base 512) as files: the linux backend over the test-only
// stand-ins (hardware/linux/test-stand-ins.ts), so a real hub process and a real
// `hearth release-outputs` leave levels on disk that survive a kill -9.
const PUMP = 17; // header, active-low relay: sysfs gpio529
const HALL = 27; // header, active-high: gpio539
const UP = 4; // MCP23017 0x21, active-low relays
const DOWN = 5;
const CHANNEL = 6; // PCA9685 0x41
const OLAT = 0x14;
const IODIR = 0x00;

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-release-'));
  cpSync(join(ROOT, 'tests', 'fixtures', 'sysfs', 'pi4-6.6'), join(dir, 'sysfs'), { recursive: true });
  mkdirSync(join(dir, 'i2c', 'i2c-1'), { recursive: true });
  const mcp = Buffer.alloc(256);
  mcp[IODIR] = mcp[IODIR + 1] = 0xff; // power-on: every pin an input
  writeFileSync(join(dir, 'i2c', 'i2c-1', '0x21'), mcp);
  writeFileSync(join(dir, 'i2c', 'i2c-1', '0x41'), Buffer.alloc(256));
  env = { [TEST_SYSFS_ENV]: join(dir, 'sysfs'), [TEST_I2C_DIR_ENV]: join(dir, 'i2c') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(): string {
  const file = join(dir, 'hearth.yaml');
  writeFileSync(
    file,
    `name: Release outputs
hardware: { backend: linux }
plugins:
  - use: gpio
    entities:
      - { id: switch.pump, line: ${PUMP}, activeLow: true }
      - { id: light.hall, line: ${HALL} }
  - use: shutter
    entities:
      - id: cover.garage
        upLine: { expander: mcp23017, address: 0x21, pin: ${UP} }
        downLine: { expander: mcp23017, address: 0x21, pin: ${DOWN} }
        activeLow: true
        travelUpS: 60
        travelDownS: 60
  - use: pwm-light
    address: 0x41
    lights:
      - { id: light.porch, channel: ${CHANNEL} }
`,
  );
  return file;
}

/** What a multimeter on each output would say, from the stand-in files. */
function outputs() {
  const gpio = (bcm: number) => {
    const at = join(dir, 'sysfs', 'class', 'gpio', `gpio${512 + bcm}`);
    return { direction: readFileSync(join(at, 'direction'), 'utf8').trim(), value: Number(readFileSync(join(at, 'value'), 'utf8')), activeLow: Number(readFileSync(join(at, 'active_low'), 'utf8')) };
  };
  const mcp = readFileSync(join(dir, 'i2c', 'i2c-1', '0x21'));
  const pcaFile = join(dir, 'i2c', 'i2c-1', '0x41');
  const pca = existsSync(pcaFile) ? readFileSync(pcaFile) : undefined;
  const bit = (reg: number, pin: number) => (mcp.readUInt16LE(reg) >> pin) & 1;
  return {
    pump: gpio(PUMP),
    hall: gpio(HALL),
    /** Latch bit (physical level) and whether the pin is an output. */
    up: { latch: bit(OLAT, UP), output: bit(IODIR, UP) === 0 },
    down: { latch: bit(OLAT, DOWN), output: bit(IODIR, DOWN) === 0 },
    porchDuty: pca && pca9685DutyFromRegisters(pca.subarray(0x06 + 4 * CHANNEL, 0x0a + 4 * CHANNEL)),
  };
}

/** The files as a hub killed mid-move leaves them: relays energised, expander pins outputs. */
function leftEnergised(): void {
  for (const [bcm, activeLow] of [[PUMP, 1], [HALL, 0]] as const) {
    const at = join(dir, 'sysfs', 'class', 'gpio', `gpio${512 + bcm}`);
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, 'direction'), 'out\n');
    writeFileSync(join(at, 'active_low'), `${activeLow}\n`);
    writeFileSync(join(at, 'value'), '1\n');
  }
  const file = join(dir, 'i2c', 'i2c-1', '0x21');
  const mcp = readFileSync(file);
  mcp.writeUInt16LE(0xffff & ~((1 << UP) | (1 << DOWN)), IODIR);
  mcp.writeUInt16LE(0xffff & ~(1 << UP), OLAT); // active-low: up energised
  writeFileSync(file, mcp);
}

function releaseOutputs(config: string) {
  return spawnSync(process.execPath, [CLI, 'release-outputs', '--config', config], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

async function api(url: string, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

describe('hearth release-outputs on the linux backend', () => {
  it('after a real kill -9 of a hub with every kind of output on, releases header, expander and PWM outputs', async () => {
    const config = writeConfig();
    const hub = await startHubProcess({ config, dataDir: join(dir, 'data'), env });
    const { token } = (await api(hub.url, 'onboarding', { username: 'owner', password: 'release outputs password' })) as { token: string };
    await api(hub.url, 'entities/switch.pump/commands/turn_on', {}, token);
    await api(hub.url, 'entities/light.hall/commands/turn_on', {}, token);
    await api(hub.url, 'entities/cover.garage/commands/open', {}, token);
    await api(hub.url, 'entities/light.porch/commands/turn_on', { brightness: 100 }, token);
    const on = outputs();
    expect(on.pump).toEqual({ direction: 'out', value: 1, activeLow: 1 });
    expect(on.hall).toEqual({ direction: 'out', value: 1, activeLow: 0 });
    expect([on.up, on.down]).toEqual([{ latch: 0, output: true }, { latch: 1, output: true }]); // up relay energised
    expect(on.porchDuty).toBe(1);

    hub.child.kill('SIGKILL');
    expect((await hub.exited).signal).toBe('SIGKILL');
    expect(outputs()).toEqual(on); // nothing ran after the kill: everything is still on

    const run = releaseOutputs(config);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('released: GPIO 17, GPIO 27, MCP23017 1:0x21 pin 4, MCP23017 1:0x21 pin 5, PCA9685 1:0x41 channel 6');
    const off = outputs();
    expect(off.pump).toEqual({ direction: 'out', value: 0, activeLow: 1 });
    expect(off.hall).toEqual({ direction: 'out', value: 0, activeLow: 0 });
    expect([off.up, off.down]).toEqual([{ latch: 1, output: true }, { latch: 1, output: true }]);
    expect(off.porchDuty).toBe(0);
  });

  it('a chip that does not answer is reported, exit 1, and every other output is still released', () => {
    const config = writeConfig();
    rmSync(join(dir, 'i2c', 'i2c-1', '0x41'));
    leftEnergised();
    expect([outputs().pump.value, outputs().hall.value, outputs().up.latch]).toEqual([1, 1, 0]);
    const run = releaseOutputs(config);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/could not release PCA9685 1:0x41 channel 6: .*0x41/);
    expect(run.stdout).toContain('released: GPIO 17, GPIO 27, MCP23017 1:0x21 pin 4, MCP23017 1:0x21 pin 5');
    const off = outputs();
    expect([off.pump.value, off.hall.value, off.up.latch, off.down.latch]).toEqual([0, 0, 1, 1]);
  });

  it('a config error exits 2 and touches no output', () => {
    const config = join(dir, 'hearth.yaml');
    writeFileSync(config, `hardware: { backend: linux }\nplugins:\n  - use: gpio\n    entities:\n      - { id: switch.pump, line: ${PUMP}, activeLow: maybe }\n`);
    const run = releaseOutputs(config);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/hearth\.yaml:5:.*activeLow/);
    expect(existsSync(join(dir, 'sysfs', 'class', 'gpio', `gpio${512 + PUMP}`))).toBe(false);
  });
});
