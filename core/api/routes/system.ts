import { Hono } from 'hono';
import { z } from 'zod';
import type { SimBoard } from '../../../hardware/index.js';
import { ConflictError, NotFoundError, ValidationError, errorMessage } from '../../errors.js';
import type { EventBus } from '../../kernel/index.js';
import type { PluginHost } from '../../plugins/index.js';
import { audited } from '../audit.js';
import { requireRole, type ApiEnv } from '../env.js';
import type { RouteModule } from '../route-module.js';
import { healthSchema } from '../schemas.js';
import { validate } from '../validate.js';

const pluginSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string().optional(),
  status: z.enum(['loading', 'running', 'failed', 'stopped', 'restarting']),
  error: z.string().optional(),
  restarts: z.number().int(),
  lastFailure: z.object({ at: z.string(), error: z.string(), exitCode: z.number().int().optional(), signal: z.string().optional() }).optional(),
  nextRestartAt: z.string().optional(),
  isolated: z.boolean(),
  autoIsolated: z.boolean(),
  pid: z.number().int().optional(),
  entities: z.array(z.string()),
  details: z.record(z.string(), z.unknown()).optional(),
  configSchema: z.record(z.string(), z.unknown()),
});
const simLinesSchema = z.object({ lines: z.array(z.object({ line: z.number().int(), direction: z.enum(['in', 'out']), value: z.union([z.literal(0), z.literal(1)]), label: z.string().optional() })) });
const lineParam = z.strictObject({ line: z.coerce.number().int().min(0).max(1023) });
const driveSchema = z.strictObject({ value: z.union([z.literal(0), z.literal(1)]) });
const portParam = z.strictObject({ port: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a device name under /dev, e.g. ttyAMA0') });
const serialSentSchema = z.object({ path: z.string(), bytes: z.number().int() });
/** A few TIC frames at once is plenty; this is a test hook, not a transfer channel. */
const MAX_SERIAL_BYTES = 64 * 1024;

export interface SystemDeps {
  version: string;
  startedAt: number;
  plugins: Pick<PluginHost, 'list'>;
  bus: EventBus;
  /** Present only on the simulated board. */
  sim?: SimBoard;
}

/** Health, plugins and the simulated board's lines. */
export function systemRoutes(deps: SystemDeps): RouteModule {
  const routes = new Hono<ApiEnv>();

  routes.get('/health', (c) => c.json({ status: 'ok' as const, version: deps.version, uptimeS: Math.round((Date.now() - deps.startedAt) / 1000) }));

  routes.get('/plugins', requireRole('member'), (c) => c.json(deps.plugins.list()));

  const board = (): SimBoard => {
    if (!deps.sim) throw new NotFoundError('this hub runs on real hardware: simulated lines exist only with hardware.backend sim');
    return deps.sim;
  };
  routes.get('/sim/lines', requireRole('admin'), (c) => c.json({ lines: board().lines() }));
  routes.put('/sim/lines/:line', requireRole('admin'), validate('param', lineParam), validate('json', driveSchema), async (c) => {
    const sim = board();
    const { line } = c.req.valid('param');
    const { value } = c.req.valid('json');
    if (sim.lines().some((l) => l.line === line && l.direction === 'out')) {
      throw new ConflictError(`GPIO ${line} is an output; only inputs can be driven`);
    }
    await audited(deps.bus, c, { action: 'sim.drive', target: `gpio${line}`, details: { value } }, () => {
      try {
        sim.drive(line, value);
      } catch (err) {
        throw new ValidationError(`cannot drive GPIO ${line}: ${errorMessage(err)}`);
      }
    });
    return c.json({ lines: sim.lines() });
  });
  routes.post('/sim/serial/:port', requireRole('admin'), validate('param', portParam), async (c) => {
    const sim = board();
    if (!(c.req.header('content-type') ?? '').startsWith('application/octet-stream')) {
      throw new ValidationError('send the bytes as application/octet-stream');
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > MAX_SERIAL_BYTES) throw new ValidationError(`at most ${MAX_SERIAL_BYTES} bytes per request`);
    const path = `/dev/${c.req.valid('param').port}`;
    await audited(deps.bus, c, { action: 'sim.serial', target: path, details: { bytes: bytes.length } }, () => {
      if (!sim.serial.send(path, bytes)) throw new ConflictError(`nothing has ${path} open: configure a device on it first`);
    });
    return c.json({ path, bytes: bytes.length });
  });

  return {
    routes,
    publicPaths: ['/api/health'],
    docs: [
      { method: 'get', path: '/health', summary: 'Liveness and version', access: 'public', response: { status: 200, body: healthSchema } },
      { method: 'get', path: '/plugins', summary: 'Loaded plugins with status and entities', access: 'member', response: { status: 200, body: z.array(pluginSchema) } },
      { method: 'get', path: '/sim/lines', summary: 'Physical levels of the simulated board (sim backend only)', access: 'admin', response: { status: 200, body: simLinesSchema } },
      { method: 'put', path: '/sim/lines/:line', summary: 'Drive a simulated input line (sim backend only)', access: 'admin', params: lineParam, body: driveSchema, response: { status: 200, body: simLinesSchema } },
      { method: 'post', path: '/sim/serial/:port', summary: 'Bytes (application/octet-stream) as if the device on /dev/<port> had sent them (sim backend only)', access: 'admin', params: portParam, response: { status: 200, body: serialSentSchema } },
    ],
  };
}
