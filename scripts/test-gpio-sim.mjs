#!/usr/bin/env node
// The gpiod backend end to end on the kernel's gpio-sim module (tests/gpio-sim): real line requests through
// node-libgpiod on a simulated chip. Needs root, a kernel with CONFIG_GPIO_SIM and the binding installed, so it
// is not part of `npm test` or CI. Where any of them is missing it says which and exits non-zero: nothing was tested.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const CONFIGFS = '/sys/kernel/config';
const GPIO_SIM = `${CONFIGFS}/gpio-sim`;

function fail(message) {
  console.error(`test:gpio-sim: ${message}\ntest:gpio-sim: NOT RUN — nothing was tested.`);
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });
const why = (result) => (result.error ? result.error.message : (result.stderr || result.stdout).trim() || `exit ${result.status}`);

if (process.platform !== 'linux') fail('gpio-sim is a Linux kernel module; this is ' + process.platform);
const configfsMounted = () => readFileSync('/proc/mounts', 'utf8').split('\n').some((line) => line.split(' ')[1] === CONFIGFS);
if (!existsSync(GPIO_SIM) && !configfsMounted()) {
  const mount = run('mount', ['-t', 'configfs', 'none', CONFIGFS]);
  if (mount.status !== 0) fail(`configfs is not mounted at ${CONFIGFS} and mounting it failed (${why(mount)}); run as root on the host, not in a container`);
}
if (!existsSync(GPIO_SIM)) {
  const probe = run('modprobe', ['gpio-sim']);
  if (probe.status !== 0 || !existsSync(GPIO_SIM)) {
    fail(`the kernel's gpio-sim module could not be loaded (modprobe gpio-sim: ${why(probe)}); it needs root and a kernel built with CONFIG_GPIO_SIM (5.17+) — CI and containers cannot load kernel modules`);
  }
}
try {
  createRequire(`${process.cwd()}/`).resolve('node-libgpiod');
} catch {
  fail('the node-libgpiod binding is not installed: sudo apt install libgpiod-dev build-essential && npm install --no-save node-libgpiod');
}
const result = spawnSync('npx', ['--no-install', 'vitest', 'run', '--config', 'vitest.gpio-sim.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
