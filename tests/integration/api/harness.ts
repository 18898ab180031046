import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimBoard, type Serial, type SimBoard } from '../../../hardware/index.js';
import { createApp } from '../../../core/api/app.js';
import { createAuth, type Auth } from '../../../core/auth/index.js';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';
import { createKernel, type EventMap, type Kernel, type Role } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import type { PluginHost } from '../../../core/plugins/index.js';
import type { RouteModule } from '../../../core/api/route-module.js';

export const PASSWORD = 'correct horse battery';
/** Cheap scrypt so tests stay fast; the format and code path are the production ones. */
const FAST = { logN: 10, r: 8, p: 1 };

export interface Harness {
  app: ReturnType<typeof createApp>;
  auth: Auth;
  kernel: Kernel;
  database: DatabaseHandle;
  /** Session tokens per role. */
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
  audits: EventMap['audit'][];
  sim: SimBoard;
  /** The sim board's serial ports, to open one the way a plugin would. */
  serial: Serial;
  close(): void;
}

/** A kernel with a light, a restricted switch and a sensor, three users (one per role), real SQLite. */
export async function createHarness(options: { sim?: boolean; modules?: (parts: { kernel: Kernel; database: DatabaseHandle; auth: Auth }) => RouteModule[] } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-api-'));
  const database = openDatabase(join(dir, 'hearth.db'));
  const kernel = createKernel(silentLogger());
  const auth = createAuth(database, { passwordCost: FAST });
  const audits: EventMap['audit'][] = [];
  kernel.bus.on('audit', (e) => audits.push(e));

  const addEntity = (id: string, allowedRoles?: Role[]) => {
    const info = kernel.registry.add({ id, owner: 'test', ...(allowedRoles && { allowedRoles }) });
    kernel.states.init(info);
    return info;
  };
  addEntity('light.hall');
  kernel.states.update('light.hall', { state: 'off' });
  kernel.dispatcher.register('light.hall', {
    turn_on: (p) => void kernel.states.update('light.hall', { state: 'on', ...(p.brightness !== undefined && { attributes: { brightness: p.brightness } }) }),
    turn_off: () => void kernel.states.update('light.hall', { state: 'off' }),
  });
  addEntity('switch.boiler', ['owner']);
  kernel.dispatcher.register('switch.boiler', { turn_on: () => void kernel.states.update('switch.boiler', { state: 'on' }), turn_off: () => {} });
  addEntity('sensor.hall_temperature');
  kernel.states.update('sensor.hall_temperature', { state: 21.5, attributes: { unit: '°C' } });

  const plugins: Pick<PluginHost, 'list'> = {
    list: () => [{ id: 'test', name: 'Test', version: '1.0.0', status: 'running', restarts: 0, isolated: false, autoIsolated: false, entities: ['light.hall'], configSchema: {} }],
  };
  const { sim, serial } = createSimBoard();
  sim.lines = () => [
    { line: 17, direction: 'in', value: sim.level(17) },
    { line: 27, direction: 'out', value: 1 },
  ];
  const app = createApp({ kernel, plugins, auth, log: silentLogger(), version: '0.0.0-test', startedAt: Date.now(), ...(options.sim !== false && { sim }), ...(options.modules && { modules: options.modules({ kernel, database, auth }) }) });

  const owner = await auth.onboard({ username: 'olivia', password: PASSWORD });
  const admin = await auth.users.create({ username: 'adam', password: PASSWORD, role: 'admin' });
  const member = await auth.users.create({ username: 'mia', password: PASSWORD, role: 'member' });
  const session = (userId: string) => auth.tokens.issue(userId, 'session', 3_600_000).token;
  audits.length = 0;
  return {
    app,
    auth,
    kernel,
    database,
    audits,
    sim,
    serial,
    tokens: { owner: owner.token, admin: session(admin.id), member: session(member.id) },
    userIds: { owner: owner.user.id, admin: admin.id, member: member.id },
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error;
}
