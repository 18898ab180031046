import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `hearth start` writes its pid here, so `hearth reload` with the same --data finds it. */
export const PID_FILE = 'hearth.pid';

export function writePidFile(dataDir: string): void {
  const file = join(dataDir, PID_FILE);
  writeFileSync(file, `${process.pid}\n`);
  process.once('exit', () => rmSync(file, { force: true }));
}

/** The pid of the hub running on `dataDir`, or undefined when none is (no file, or a stale one). */
export function runningHubPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, PID_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: it runs, as another user (the service's); the signal will say so.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}
