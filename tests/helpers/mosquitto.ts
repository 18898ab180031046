/**
 * A real Mosquitto for tests: started on a free loopback port with a temporary
 * config, stopped (and its folder removed) by `stop()`. A missing broker fails loudly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO_BIN = process.env.MOSQUITTO_BIN ?? '/usr/sbin/mosquitto';

export interface Mosquitto {
  readonly port: number;
  /** `mqtt://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops the broker (SIGTERM, then SIGKILL) and removes its folder. */
  stop(): Promise<void>;
  /** Kills the broker and starts a fresh one on the same port: retained messages are lost, as after a crash. */
  restart(): Promise<void>;
}

export interface MosquittoOptions {
  /** Extra lines for mosquitto.conf. */
  extraConfig?: string[];
  port?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto> {
  if (!existsSync(MOSQUITTO_BIN)) throw new Error(`Mosquitto not found at ${MOSQUITTO_BIN}: install it (apt-get install mosquitto) or set MOSQUITTO_BIN`);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-mosquitto-'));
  const port = options.port ?? (await freePort());
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'log_dest stderr', 'log_type error', ...(options.extraConfig ?? [])].join('\n') + '\n');
  let child = await launch(conf, port);

  async function kill(signal: NodeJS.Signals) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    async stop() {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await kill('SIGKILL');
      child = await launch(conf, port);
    },
  };
}

async function launch(conf: string, port: number): Promise<ChildProcess> {
  const child = spawn(MOSQUITTO_BIN, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`mosquitto exited with ${code} before listening on ${port}: ${stderr.trim()}`))),
  );
  await Promise.race([waitForPort(port), exited]);
  child.removeAllListeners('exit');
  return child;
}

/** Polls until the port accepts a TCP connection: the broker gives no readiness signal on stdout. */
async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
