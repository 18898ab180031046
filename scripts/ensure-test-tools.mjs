#!/usr/bin/env node
// The suite uses real Chromium, a real Mosquitto, systemd-analyze, Jinja2 (python3-jinja2) and promtool (prometheus). Install them from Debian
// packages when missing and we are root; otherwise say what is missing and fail.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/sbin/mosquitto', pkg: 'mosquitto' },
  { bin: '/usr/bin/systemd-analyze', pkg: 'systemd' },
  // Home Assistant's template engine, to render the discovery templates as HA would (tests/helpers/jinja.ts).
  { bin: '/usr/lib/python3/dist-packages/jinja2/__init__.py', pkg: 'python3-jinja2' },
  // `promtool check metrics` lints /api/metrics (tests/integration/ops/metrics-promtool.test.ts).
  { bin: '/usr/bin/promtool', pkg: 'prometheus' },
];
const missing = needed.filter((t) => !existsSync(t.bin));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((t) => t.pkg);
if (process.getuid?.() !== 0) {
  console.error(`missing test tools: ${pkgs.join(', ')}. Install them: sudo apt-get install -y ${pkgs.join(' ')}`);
  process.exit(1);
}
console.log(`installing ${pkgs.join(', ')} from Debian packages…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
const still = needed.filter((t) => !existsSync(t.bin));
if (still.length) {
  console.error(`still missing after install: ${still.map((t) => t.bin).join(', ')}`);
  process.exit(1);
}
