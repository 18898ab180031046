import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, RUNTIME, nodeCommand, startHubProcess } from '../../helpers/hub-process.js';
import { TEST_SYSFS_ENV } from '../../../hardware/hub.js';

const run = promisify(execFile);
const CONFIGS = join(ROOT, 'tests', 'fixtures', 'configs');

async function hearth(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return hearthWith({}, ...args);
}

async function hearthWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const [command, ...entry] = nodeCommand(RUNTIME === 'node24' ? 'node24' : 'node');
    const { stdout, stderr } = await run(command, [...entry, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hearth CLI', () => {
  it('prints its version and help', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await hearth('--version')).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect((await hearth('--help')).stdout).toMatch(/hearth start \[--config FILE\]/);
  });

  it('check exits 0 on a valid config', async () => {
    const result = await hearth('check', '--config', join(CONFIGS, 'healthy.yaml'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/configuration OK \(2 plugins\)/);
  });

  it('check exits 2 on a broken config with file:line and key path, and no stack trace', async () => {
    const { code, stderr } = await hearth('check', '--config', join(CONFIGS, 'broken.yaml'));
    expect(code).toBe(2);
    const file = join(CONFIGS, 'broken.yaml');
    expect(stderr).toContain(`${file}:3:9: server.port: `);
    expect(stderr).toContain(`${file}:5:3: storage.keepDay: unknown key 'keepDay' (did you mean 'keepDays'?)`);
    expect(stderr).toContain('configuration has 2 errors');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('check on the sysfs backend warns, with the exact config.txt lines, about inputs whose bias it cannot set', async () => {
    const sysfs = join(ROOT, 'tests', 'fixtures', 'sysfs', 'pi4-6.6');
    const { code, stdout, stderr } = await hearthWith({ [TEST_SYSFS_ENV]: sysfs }, 'check', '--config', join(CONFIGS, 'floating-inputs.yaml'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/configuration OK \(1 plugin\)/);
    expect(stderr).toMatch(/^warning: the sysfs GPIO backend cannot set an input's bias/);
    expect(stderr).toContain('  GPIO 4 (binary_sensor.front_door): bias pull-up\n  GPIO 22 (binary_sensor.rain): bias pull-down\n');
    expect(stderr).toContain('/boot/firmware/config.txt (/boot/config.txt before Bookworm), then reboot:\n  gpio=4=ip,pu\n  gpio=22=ip,pd\n');
    expect(stderr).toContain('  pinctrl set 4 ip pu\n  pinctrl set 22 ip pd\n');
    expect(stderr).not.toMatch(/GPIO 17|shed/); // no bias asked; an expander sets its own pull-ups
    // the simulated board has nothing to advise on
    expect((await hearth('check', '--config', join(CONFIGS, 'healthy.yaml'))).stderr).toBe('');
  });

  it('check exits 2 for a missing file', async () => {
    const { code, stderr } = await hearth('check', '--config', '/nonexistent/hearth.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent/hearth.yaml: cannot read config: file not found');
  });

  it('start exits 2 on a broken config without starting', async () => {
    expect((await hearth('start', '--config', join(CONFIGS, 'broken.yaml'), '--port', '0')).code).toBe(2);
  });

  it('refuses a log level it does not know, saying which it does', async () => {
    const { code, stderr } = await hearthWith({ HEARTH_LOG_LEVEL: 'verbose' }, 'start', '--port', '0');
    expect(code).toBe(2);
    expect(stderr).toContain("HEARTH_LOG_LEVEL='verbose' is not a log level; use one of fatal, error, warn, info, debug, trace, silent");
  });

  it('refuses an unknown command and bad flags with status 2', async () => {
    expect((await hearth('launch')).code).toBe(2);
    expect((await hearth('start', '--port', 'many')).code).toBe(2);
    expect((await hearth('--colour')).code).toBe(2);
  });

  it('starts, answers health, reports plugin status, and stops gracefully on SIGTERM', async () => {
    const hub = await startHubProcess({ config: join(CONFIGS, 'healthy.yaml') });
    const health = (await (await fetch(`${hub.url}/api/health`)).json()) as { status: string; version: string };
    expect(health.status).toBe('ok');
    expect(await hub.stop('SIGTERM')).toBe(0);
    expect(hub.output()).toMatch(/plugin failed in setup/);
  });
});
