import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../core/version.js';

const UNIT = join(PACKAGE_ROOT, 'systemd', 'hearth.service');
const INSTALL = join(PACKAGE_ROOT, 'systemd', 'install.sh');

function install(root: string, ...args: string[]) {
  const run = spawnSync('bash', [INSTALL, ...args], { env: { ...process.env, DESTDIR: root }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`install.sh ${args.join(' ')} failed (${run.status}): ${run.stderr}${run.stdout}`);
  return run.stdout;
}

/** Every path under root with its mode and content hash: two equal trees print the same. */
function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = statSync(path);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isDirectory()) {
        out.push(`${relative(root, path)}/ ${mode}`);
        walk(path);
      } else out.push(`${relative(root, path)} ${mode} ${createHash('sha1').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(root);
  return out;
}

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('systemd unit', () => {
  it('passes systemd-analyze verify with no warnings', () => {
    const run = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
    expect(run.error, 'systemd-analyze is missing: scripts/ensure-test-tools.mjs installs the systemd package').toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('keeps GPIO and I2C reachable and drops the rest', () => {
    const unit = readFileSync(UNIT, 'utf8');
    const keys = unit.split('\n').filter((l) => /^[A-Za-z]+=/.test(l));
    expect(keys).toEqual(expect.arrayContaining([
      'User=hearth', 'SupplementaryGroups=gpio i2c dialout', 'Restart=on-failure', 'NoNewPrivileges=yes', 'ProtectSystem=strict',
      'ReadWritePaths=/var/lib/hearth /etc/hearth', 'ProtectHome=yes', 'PrivateTmp=yes', 'DevicePolicy=closed',
      'DeviceAllow=char-gpiochip rw', 'DeviceAllow=char-i2c rw', 'DeviceAllow=char-ttyAMA rw', 'DeviceAllow=char-ttyUSB rw', 'StandardOutput=journal',
      'Type=notify', 'NotifyAccess=all',
      'ExecStopPost=/usr/bin/node /opt/hearth/dist/core/cli.js release-outputs --config /etc/hearth/hearth.yaml',
    ]));
    expect(keys.some((k) => /^WatchdogSec=\d+s$/.test(k))).toBe(true);
    expect(keys.some((k) => k.startsWith('StartLimitBurst='))).toBe(true);
    expect(keys.some((k) => k.startsWith('ProtectKernelTunables=') || k.startsWith('MemoryDenyWriteExecute='))).toBe(false);
  });
});

describe('install.sh into a throwaway root', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lays out app, config, data and unit; a second run changes nothing and keeps the config', () => {
    root = mkdtempSync(join(tmpdir(), 'hearth-root-'));
    const first = install(root);
    expect(first).toContain('would run: useradd --system');
    expect(first).toContain('would run: usermod --append --groups gpio hearth');
    expect(first).toContain('would run: usermod --append --groups dialout hearth');
    expect(first).toContain('would run: systemctl enable hearth.service');
    expect(first).toMatch(/Open http:\/\/\S+:8420\//);
    expect(existsSync(join(root, 'opt/hearth/dist/core/cli.js'))).toBe(true);
    expect(existsSync(join(root, 'opt/hearth/core/db/migrations'))).toBe(true);
    expect(readFileSync(join(root, 'etc/systemd/system/hearth.service'), 'utf8')).toBe(readFileSync(UNIT, 'utf8'));
    expect(modeOf(join(root, 'etc/systemd/system/hearth.service'))).toBe('644');
    expect(modeOf(join(root, 'etc/hearth'))).toBe('750');
    expect(modeOf(join(root, 'etc/hearth/hearth.yaml'))).toBe('640');
    expect(modeOf(join(root, 'var/lib/hearth'))).toBe('750');
    expect(modeOf(join(root, 'opt/hearth/dist/core/cli.js'))).toBe('755');
    expect(modeOf(join(root, 'usr/local/bin/hearth'))).toBe('755');

    const config = join(root, 'etc/hearth/hearth.yaml');
    writeFileSync(config, 'name: Edited by the owner\n');
    const before = tree(root);
    const second = install(root);
    expect(second).toContain('keeping existing');
    expect(tree(root)).toEqual(before);
    expect(readFileSync(config, 'utf8')).toBe('name: Edited by the owner\n');

    const removed = install(root, '--uninstall');
    expect(removed).toContain('would run: systemctl disable --now hearth.service');
    expect(existsSync(join(root, 'opt/hearth'))).toBe(false);
    expect(existsSync(join(root, 'etc/systemd/system/hearth.service'))).toBe(false);
    expect(existsSync(join(root, 'usr/local/bin/hearth'))).toBe(false);
    expect(readFileSync(config, 'utf8')).toBe('name: Edited by the owner\n');
    install(root, '--uninstall', '--purge');
    expect(existsSync(join(root, 'etc/hearth'))).toBe(false);
    expect(existsSync(join(root, 'var/lib/hearth'))).toBe(false);
  });

  it('refuses a Node.js that is too old, before touching anything', () => {
    root = mkdtempSync(join(tmpdir(), 'hearth-root-'));
    const fakeNode = join(root, 'node18');
    writeFileSync(fakeNode, '#!/bin/sh\necho 18.19.0\n', { mode: 0o755 });
    const run = spawnSync('bash', [INSTALL], { env: { ...process.env, DESTDIR: root, HEARTH_NODE: fakeNode }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Node.js 18.19.0 is too old');
    expect(existsSync(join(root, 'opt'))).toBe(false);
  });

  it('the installed config passes hearth check', () => {
    root = mkdtempSync(join(tmpdir(), 'hearth-root-'));
    install(root);
    const out = execFileSync('node', [join(PACKAGE_ROOT, 'dist/core/cli.js'), 'check', '--config', join(root, 'etc/hearth/hearth.yaml')], { encoding: 'utf8' });
    expect(out).toContain('configuration OK');
  });
});
