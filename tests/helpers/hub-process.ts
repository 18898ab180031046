import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'core', 'cli.js');

export interface HubProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly dataDir: string;
  /** Everything the hub logged so far. */
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `hearth start` as a real child process on a free port and resolves once it prints its URL. */
export function startHubProcess(options: { config: string; dataDir?: string; env?: NodeJS.ProcessEnv; args?: string[] }): Promise<HubProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-hub-'));
  const child = spawn(process.execPath, [CLI, 'start', '--config', options.config, '--data', dataDir, '--port', '0', '--host', '127.0.0.1', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, HEARTH_LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (!match) return;
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      resolve({
        child,
        url: match[1]!.replace(/\/$/, ''),
        dataDir,
        output: () => output,
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => reject(new Error(`hub exited with ${code} before it was ready:\n${output}`)));
  });
}
