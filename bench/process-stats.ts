/** What the benchmarks read about a running process from /proc, and how the service unit runs the hub. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/version.js';
import { ensureNode24, NODE24_BIN, NODE24_PRELOAD } from '../scripts/node24.mjs';

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

/** Resident memory now, MB. */
export const rssMb = (pid: number): number => statusField(pid, 'VmRSS');
/** Peak resident memory, MB. */
export const peakRssMb = (pid: number): number => statusField(pid, 'VmHWM');

/** User + system CPU seconds used so far (/proc/<pid>/stat fields 14 and 15, in USER_HZ = 100 on every Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface NodeRuntime {
  args: string[];
  env: Record<string, string>;
  /** The node binary; default the one running the bench (Node 20 here). */
  command?: string;
}

/**
 * The same runtime on Node 24 (scripts/node24.mjs installs it on first use), to compare the two side by side:
 * Node 22+ runs AsyncLocalStorage without the async_hooks promise hook Node 20 needs.
 */
export function onNode24(runtime: NodeRuntime = { args: [], env: {} }): NodeRuntime {
  ensureNode24();
  return { ...runtime, command: NODE24_BIN, args: ['--import', NODE24_PRELOAD, ...runtime.args] };
}

/** The Node flags and environment systemd/hearth.service really uses, read from the unit so the two never drift apart. */
export function serviceUnitRuntime(): NodeRuntime {
  const unit = readFileSync(join(PACKAGE_ROOT, 'systemd/hearth.service'), 'utf8');
  const exec = unit.match(/^ExecStart=\S+ (.*?) \S+\/dist\/core\/cli\.js/m);
  if (!exec) throw new Error('systemd/hearth.service: ExecStart does not run node … dist/core/cli.js');
  const env = Object.fromEntries([...unit.matchAll(/^Environment=(\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  return { args: exec[1]!.split(' '), env };
}
