/** Starts each system under test as its own process, wired to the same broker. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeRuntime } from '../process-stats.js';
import { THRESHOLD, type Target } from './load.js';

export const ROOT = join(import.meta.dirname, '..', '..');
const TMP = join(ROOT, 'bench', '.tmp', 'mqtt-vs-node-red');
export const NODE_RED_VERSION = '4.1.8';

export interface System extends Target {
  name: string;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${output.slice(-2000)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}: ${output.slice(-2000)}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
}

/** Compiles the hub once; `startHearth` runs the compiled dist/ as users do. */
export function buildHearth(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * The compiled hub: plugins/mqtt turns the sensor topic into sensor.bench and the
 * command topic into switch.bench_out, and a `numeric_state` automation turns the switch
 * on whenever a reading crosses above the threshold. `runtime` gives Node flags and
 * environment (the service unit's); without it Node runs with its defaults, as Node-RED does.
 */
export async function startHearth(brokerUrl: string, runtime?: NodeRuntime, name = runtime ? 'Hearth (unit flags)' : 'Hearth'): Promise<System> {
  const dir = join(TMP, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'hearth.yaml');
  writeFileSync(
    config,
    [
      'hardware: { backend: sim }',
      'plugins:',
      '  - use: mqtt',
      `    url: ${brokerUrl}`,
      '    entities:',
      '      - { id: sensor.bench, stateTopic: bench/hearth/sensor, statePath: value }',
      '      - { id: switch.bench_out, commandTopic: bench/hearth/cmd }',
      'automations:',
      '  - id: bench_rule',
      '    mode: parallel',
      '    max: 1000',
      `    triggers: [{ type: numeric_state, entity: sensor.bench, above: ${THRESHOLD} }]`,
      '    actions: [{ command: turn_on, entity: switch.bench_out }]',
    ].join('\n'),
  );
  // BENCH_NODE_ARGS: extra Node flags for the hub, e.g. `--cpu-prof` to see where its time goes.
  const nodeArgs = [...(runtime?.args ?? []), ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const child = spawn(runtime?.command ?? process.execPath, [...nodeArgs, join(ROOT, 'dist/core/cli.js'), 'start', '--config', config, '--data', join(dir, 'data'), '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...runtime?.env },
  });
  await waitForLine(child, /Hearth is running/, name);
  return { name, pid: child.pid!, sensorTopic: 'bench/hearth/sensor', commandTopic: 'bench/hearth/cmd', stop: stopper(child) };
}

/** The floor: the same rule as a bare mqtt.js script (bare-rule.ts), run through tsx's loader like the bench. */
export async function startBareRule(brokerUrl: string): Promise<System> {
  const script = join(import.meta.dirname, 'bare-rule.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, brokerUrl, 'bench/bare/sensor', 'bench/bare/cmd', String(THRESHOLD)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(child, /bare rule subscribed/, 'bare mqtt.js rule');
  return { name: 'mqtt.js alone', pid: child.pid!, sensorTopic: 'bench/bare/sensor', commandTopic: 'bench/bare/cmd', stop: stopper(child) };
}

/** Installs Node-RED with npm into bench/.tmp (ignored by git, reused by later runs). */
function installNodeRed(): string {
  const dir = join(TMP, 'node-red');
  const red = join(dir, 'node_modules', 'node-red', 'red.js');
  if (existsSync(red)) return red;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  console.log(`installing node-red@${NODE_RED_VERSION} into ${dir} …`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', `node-red@${NODE_RED_VERSION}`], { cwd: dir, stdio: 'inherit' });
  return red;
}

export async function startNodeRed(brokerUrl: string): Promise<System> {
  const red = installNodeRed();
  const userDir = join(TMP, 'node-red-user');
  mkdirSync(userDir, { recursive: true });
  const { hostname, port } = new URL(brokerUrl);
  const flows = [
    { id: 'tab', type: 'tab', label: 'bench' },
    { id: 'broker', type: 'mqtt-broker', name: 'bench', broker: hostname, port, clientid: '', autoConnect: true, usetls: false, protocolVersion: '4', keepalive: '60', cleansession: true },
    { id: 'in', type: 'mqtt in', z: 'tab', topic: 'bench/nr/sensor', qos: '0', datatype: 'json', broker: 'broker', nl: false, rap: false, inputs: 0, wires: [['gt']] },
    { id: 'gt', type: 'switch', z: 'tab', property: 'payload.value', propertyType: 'msg', rules: [{ t: 'gt', v: String(THRESHOLD), vt: 'num' }], checkall: 'true', repair: false, outputs: 1, wires: [['on']] },
    { id: 'on', type: 'change', z: 'tab', rules: [{ t: 'set', p: 'payload', pt: 'msg', to: 'ON', tot: 'str' }], wires: [['out']] },
    { id: 'out', type: 'mqtt out', z: 'tab', topic: 'bench/nr/cmd', qos: '0', retain: 'false', broker: 'broker', wires: [] },
  ];
  writeFileSync(join(userDir, 'flows.json'), JSON.stringify(flows));
  writeFileSync(
    join(userDir, 'settings.cjs'),
    `module.exports = { uiHost: '127.0.0.1', uiPort: 0, httpAdminRoot: false, httpNodeRoot: false, flowFile: 'flows.json', credentialSecret: false, logging: { console: { level: 'info' } } };\n`,
  );
  const child = spawn(process.execPath, [red, '--userDir', userDir, '--settings', join(userDir, 'settings.cjs')], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(child, /Connected to broker/, 'Node-RED', 120_000);
  return { name: 'Node-RED', pid: child.pid!, sensorTopic: 'bench/nr/sensor', commandTopic: 'bench/nr/cmd', stop: stopper(child) };
}
