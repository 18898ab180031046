#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, defaultConfigPath, defaultDataDir, loadConfig, LOG_LEVELS, type LoadedConfig } from './config/index.js';
import { runUserCli, USER_HELP } from './auth/cli.js';
import { runBackupCli } from './backup/index.js';
import { errorMessage } from './errors.js';
import { startHub, type Hub } from './hub.js';
import { installExitHandlers } from './safety/exit.js';
import { createLogger } from './log.js';
import { loadPlugins } from './plugins/index.js';
import { loadFileAutomations } from './automation/index.js';
import { releaseConfiguredOutputs } from './release-outputs.js';
import { declaredHardware, wantsBias } from './declared-hardware.js';
import { sysfsBiasAdvice } from './bias-advice.js';
import { resolveBackend, testStandInsFromEnv } from '../hardware/hub.js';
import { createServiceNotifier } from './systemd-notify.js';
import { VERSION } from './version.js';
import { PID_FILE, prepareConfig, runningHubPid, writePidFile } from './reload/index.js';
import { readFileSync } from 'node:fs';

const HELP = `hearth ${VERSION} — a home-automation hub for wired hardware

Usage:
  hearth start [--config FILE] [--port N] [--host H] [--data DIR] [--no-backfill]
  hearth check [--config FILE]
  hearth reload [--config FILE] [--data DIR]   check the config, then have the hub
                                           running on DIR apply it without a restart
                                           (SIGHUP; under systemd: systemctl reload hearth)
  hearth release-outputs [--config FILE]   every output the config declares to its
                                           safe level (run after any exit of the hub)
${USER_HELP}
  hearth backup [--out FILE] | hearth restore FILE   (hearth backup --help)
  hearth --version | --help

Without --data, data lives in $HEARTH_DATA, else ./data.
Without --config, Hearth uses $HEARTH_CONFIG, then ./hearth.yaml, then the
simulated demo house (examples/demo-house.yaml). Its first start fills the
past week's history by simulating it (hardware.backfillDays); --no-backfill skips that.

Exit status: 0 ok, 1 runtime failure, 2 configuration or usage error.`;

export const EXIT_CONFIG = 2;

type Options = { config?: string; port?: string; host?: string; data?: string; 'no-backfill'?: boolean; version?: boolean; help?: boolean };

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'user') return runUserCli(argv.slice(1), defaultConfigPath);
  if (argv[0] === 'backup' || argv[0] === 'restore') return runBackupCli(argv[0], argv.slice(1), defaultConfigPath);
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        data: { type: 'string', short: 'd' },
        'no-backfill': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage(errorMessage(err));
  }
  const { values, positionals } = parsed;
  if (values.version) return print(VERSION);
  const [command = values.help ? 'help' : 'start', ...rest] = positionals;
  if (values.help || command === 'help') return print(HELP);
  if (rest.length) return usage(`unexpected argument '${rest[0]}'`);
  switch (command) {
    case 'check':
      return check(values);
    case 'start':
      return start(values);
    case 'release-outputs':
      return releaseOutputs(values);
    case 'reload':
      return reload(values);
    default:
      return usage(`unknown command '${command}'`);
  }
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`hearth: ${message}\nRun 'hearth --help' for usage.\n`);
  return EXIT_CONFIG;
}

/** A config mistake is printed as file:line: path: message lines, never a stack trace. */
function reportConfigError(err: ConfigError): number {
  process.stderr.write(`${err.message}\n`);
  process.stderr.write(`hearth: configuration has ${err.issues.length} error${err.issues.length === 1 ? '' : 's'}\n`);
  return EXIT_CONFIG;
}

/** The config, or its errors reported and the exit status to end with. */
function loadOrReport(values: Options): LoadedConfig | number {
  try {
    return loadConfig(values.config ?? defaultConfigPath());
  } catch (err) {
    if (err instanceof ConfigError) return reportConfigError(err);
    throw err;
  }
}

async function check(values: Options): Promise<number> {
  const file = values.config ?? defaultConfigPath();
  try {
    const loaded = loadConfig(file);
    const plugins = await loadPlugins(loaded);
    loadFileAutomations(loaded);
    print(`${loaded.file}: configuration OK (${plugins.length} plugin${plugins.length === 1 ? '' : 's'})`);
    const { inputs } = declaredHardware(plugins);
    const backend = await resolveBackend(loaded.config.hardware.backend, { wantsBias: wantsBias(inputs), ...testStandInsFromEnv() });
    // A warning, not an error: the hub runs, but an input may float until the firmware sets its pull.
    if (backend === 'linux') for (const line of sysfsBiasAdvice(inputs)) process.stderr.write(`${line}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) return reportConfigError(err);
    throw err;
  }
}

/** Checked here first, so a mistake is printed in the terminal; the hub checks again and changes nothing if it fails. */
async function reload(values: Options): Promise<number> {
  const file = values.config ?? defaultConfigPath();
  try {
    await prepareConfig(readFileSync(file, 'utf8'), resolve(file));
  } catch (err) {
    if (err instanceof ConfigError) return reportConfigError(err);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return usage(`config file ${file} not found`);
    throw err;
  }
  const dataDir = resolve(values.data ?? defaultDataDir());
  const pid = runningHubPid(dataDir);
  if (pid === undefined) {
    process.stderr.write(`hearth: no hub is running on ${dataDir} (no live ${PID_FILE} there); under systemd use: systemctl reload hearth\n`);
    return 1;
  }
  process.kill(pid, 'SIGHUP');
  return print(`${file}: configuration OK; hub ${pid} is reloading it (its log and the logbook say what changed)`);
}

async function releaseOutputs(values: Options): Promise<number> {
  const loaded = loadOrReport(values);
  if (typeof loaded === 'number') return loaded;
  let report;
  try {
    report = await releaseConfiguredOutputs(loaded);
  } catch (err) {
    // A config the hub would refuse never touched an output: nothing to release.
    if (err instanceof ConfigError) return reportConfigError(err);
    throw err;
  }
  if (report.backend === 'sim') process.stdout.write('simulated board: nothing outlives the hub, nothing to release\n');
  else if (report.released.length) process.stdout.write(`released: ${report.released.join(', ')}\n`);
  else process.stdout.write('no outputs declared\n');
  for (const { output, error } of report.failed) process.stderr.write(`hearth: could not release ${output}: ${error}\n`);
  return report.failed.length ? 1 : 0;
}

async function start(values: Options): Promise<number> {
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) return usage(`--port must be 0–65535, got '${values.port}'`);
  const level = process.env.HEARTH_LOG_LEVEL;
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level)) {
    return usage(`HEARTH_LOG_LEVEL='${level}' is not a log level; use one of ${LOG_LEVELS.join(', ')}`);
  }
  const loaded = loadOrReport(values);
  if (typeof loaded === 'number') return loaded;
  const log = createLogger(loaded.config.logging.level);
  const exitHandlers = installExitHandlers(log);
  let hub: Hub;
  try {
    hub = await startHub({ loaded, log, dataDir: resolve(values.data ?? defaultDataDir()), port, host: values.host, exitHandlers, backfill: !values['no-backfill'] });
  } catch (err) {
    if (err instanceof ConfigError) return reportConfigError(err);
    log.fatal({ err }, 'Hearth could not start');
    return 1;
  }
  exitHandlers.ready(hub);
  writePidFile(resolve(values.data ?? defaultDataDir()));
  // Healthy: plugins set up, automations running, HTTP listening.
  createServiceNotifier({ log }).ready();
  return new Promise<number>(() => {});
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`hearth: ${errorMessage(err)}\n`);
    process.exitCode = 1;
  },
);
