import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

// systemd's side of sd_notify, as small as it gets: a datagram socket that prints what it
// receives with the time, and closes the fds systemd-notify passes with BARRIER=1 (which
// is how systemd tells the tool its message was processed).
const LISTENER = `
import array, os, socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print("listening", flush=True)
while True:
    msg, anc, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(16 * 4))
    for level, kind, data in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds = array.array("i")
            fds.frombytes(data[: len(data) - len(data) % 4])
            for fd in fds:
                os.close(fd)
    for line in msg.decode().split("\\n"):
        if line:
            print(int(time.time() * 1000), line, flush=True)
`;

const WATCHDOG_USEC = 400_000; // a ping every 200 ms
let dir: string;
let listener: ChildProcess | undefined;
let hub: RunningHub | undefined;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hearth-notify-'))));
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  listener?.kill();
  listener = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the listener; resolves once it is bound, with the messages it received so far (a live array). */
async function listen(socket: string): Promise<{ at: number; state: string }[]> {
  const script = join(dir, 'listener.py');
  writeFileSync(script, LISTENER);
  const proc = spawn('/usr/bin/python3', [script, socket], { stdio: ['ignore', 'pipe', 'inherit'] });
  listener = proc;
  const received: { at: number; state: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`listener exited (${code})`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line === 'listening') return resolve();
      const [at, state] = line.split(' ') as [string, string];
      received.push({ at: Number(at), state });
    });
  });
  return received;
}

/** Resolves once `count` messages match, without polling: checked on every line the listener prints. */
function until(received: { state: string }[], state: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (received.filter((m) => m.state === state).length >= count ? resolve() : void listener!.stdout!.once('data', () => setImmediate(check)));
    check();
  });
}

describe('systemd notify through systemd-notify, from a real hub', () => {
  it('READY=1 once up, WATCHDOG=1 at half the interval, and no ping while the event loop hangs', async () => {
    const socket = join(dir, 'notify');
    const received = await listen(socket);
    const config = join(dir, 'hearth.yaml');
    writeFileSync(config, `name: Notify\nhardware: { backend: sim }\nplugins:\n  - use: ${join(ROOT, 'tests', 'fixtures', 'plugins', 'hangs-on-command')}\n`);
    hub = await startHubProcess({ config, dataDir: join(dir, 'data'), env: { NOTIFY_SOCKET: socket, WATCHDOG_USEC: String(WATCHDOG_USEC) } });
    await until(received, 'WATCHDOG=1', 3);
    expect(received.filter((m) => m.state !== 'BARRIER=1')[0]?.state).toBe('READY=1');

    const res = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'owner', password: 'notify test password' }) });
    const { token } = (await res.json()) as { token: string };
    const sentAt = Date.now();
    const hang = await fetch(`${hub.url}/api/entities/switch.hang/commands/turn_on`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    const answeredAt = Date.now();
    expect(hang.status).toBe(200);
    expect(answeredAt - sentAt).toBeGreaterThanOrEqual(1500);
    const pings = received.filter((m) => m.state === 'WATCHDOG=1').length;
    await until(received, 'WATCHDOG=1', pings + 2); // the loop is back: pings resume

    // A ping spawned just before the hang may still land early in it; none can land later.
    const duringHang = received.filter((m) => m.state === 'WATCHDOG=1' && m.at > sentAt + 500 && m.at < answeredAt - 100);
    expect(duringHang).toEqual([]);
  });
});
