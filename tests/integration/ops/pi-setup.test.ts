import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../core/version.js';

const SCRIPT = join(PACKAGE_ROOT, 'systemd', 'pi-setup.sh');
const FIXTURES = join(PACKAGE_ROOT, 'tests', 'fixtures', 'pi');

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A copy of a fixture system root with a Hearth config, so the script can edit it. */
function system(fixture: string, config: string): string {
  root = mkdtempSync(join(tmpdir(), 'hearth-pi-'));
  cpSync(join(FIXTURES, fixture), root, { recursive: true });
  mkdirSync(join(root, 'etc', 'hearth'), { recursive: true });
  writeFileSync(join(root, 'etc', 'hearth', 'hearth.yaml'), config);
  return root;
}

function setup(...args: string[]) {
  const run = spawnSync('bash', [SCRIPT, ...args], { env: { ...process.env, HEARTH_PI_ROOT: root }, encoding: 'utf8', input: '' });
  return { code: run.status, out: run.stdout + run.stderr };
}

const CONFIG = 'plugins:\n  - use: climate-i2c\n    bus: 1\n  - use: onewire\n';
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('pi-setup.sh on fixture roots', () => {
  it('dry run on Bookworm (Pi 4) prints every change and writes nothing', () => {
    system('bookworm', CONFIG);
    const before = read('boot/firmware/config.txt');
    const { code, out } = setup('--dry-run', '--enable', 'serial');
    expect(code).toBe(0);
    expect(out).toContain('Raspberry Pi 4 Model B');
    expect(out).toContain('the config needs: i2c onewire serial');
    for (const line of ['+dtparam=i2c_arm=on', '+dtoverlay=w1-gpio', '+enable_uart=1', '+i2c-dev', '+console=tty1 root=']) expect(out).toContain(line);
    expect(out).toContain('would write');
    expect(out).toContain('would run: usermod --append --groups dialout hearth');
    expect(read('boot/firmware/config.txt')).toBe(before);
    expect(existsSync(join(root, 'etc', 'modules'))).toBe(false);
  });

  it('--yes on Bookworm edits config.txt under [all], cmdline.txt and /etc/modules; a second run changes nothing', () => {
    system('bookworm', `${CONFIG}  - use: gpio\n    device: /dev/ttyAMA0\n`);
    expect(setup('--yes', '--enable', 'pwm').code).toBe(0);
    const config = read('boot/firmware/config.txt');
    expect(config.slice(config.lastIndexOf('[all]'))).toBe('[all]\ndtparam=i2c_arm=on\ndtoverlay=w1-gpio\nenable_uart=1\ndtoverlay=pwm-2chan\n');
    expect(config).toContain('#dtparam=i2c_arm=on');
    expect(read('boot/firmware/cmdline.txt')).toBe('console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait\n');
    expect(read('etc/modules')).toBe('i2c-dev\n');
    const again = setup('--yes', '--enable', 'pwm');
    expect(again.out).not.toContain('change to');
    expect(read('boot/firmware/config.txt')).toBe(config);
  });

  it('on Trixie (Pi 5) keeps a line already active under [all] and adds only what is missing', () => {
    system('trixie', CONFIG);
    const { out } = setup('--yes');
    expect(out).toContain('Raspberry Pi 5 Model B');
    const config = read('boot/firmware/config.txt');
    expect(config.match(/^dtparam=i2c_arm=on$/gm)).toHaveLength(1);
    expect(config.endsWith('[all]\ndtparam=i2c_arm=on\ndtoverlay=w1-gpio\n')).toBe(true);
    expect(read('boot/firmware/cmdline.txt')).toContain('console=serial0,115200');
  });

  it('asks before writing and leaves the file alone on no', () => {
    system('trixie', CONFIG);
    const before = read('boot/firmware/config.txt');
    const { out } = setup();
    expect(out).toMatch(/write .*config\.txt\? \[y\/N\]/);
    expect(out).toContain('left');
    expect(read('boot/firmware/config.txt')).toBe(before);
  });

  it('install.sh --dry-run prints every step, the Pi interface diffs among them, and writes nothing', () => {
    system('bookworm', CONFIG);
    const before = read('boot/firmware/config.txt');
    const run = spawnSync('bash', [join(PACKAGE_ROOT, 'systemd', 'install.sh'), '--dry-run'], { env: { ...process.env, DESTDIR: root }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    for (const step of ['would create the system user hearth', 'would copy', 'would keep', '+dtparam=i2c_arm=on', '+dtoverlay=w1-gpio', 'would run: systemctl daemon-reload'])
      expect(run.stdout).toContain(step);
    expect(read('boot/firmware/config.txt')).toBe(before);
    expect(existsSync(join(root, 'opt'))).toBe(false);
  });

  it('never touches a machine that is not a Raspberry Pi', () => {
    system('not-a-pi', CONFIG);
    const before = read('boot/config.txt');
    const { code, out } = setup('--yes', '--enable', 'i2c');
    expect(code).toBe(0);
    expect(out).toContain('not a Raspberry Pi (QEMU Virtual Machine)');
    expect(read('boot/config.txt')).toBe(before);
  });
});
