import { Hono, type Context as HonoContext } from 'hono';
import { z } from 'zod';
import { audited } from '../api/audit.js';
import { requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { validate } from '../api/validate.js';
import { changeAreas, setAt, type ConfigChange, type ConfigSnapshot, type ConfigStore } from '../config/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { EventBus } from '../kernel/index.js';
import type { PluginHost } from '../plugins/index.js';
import type { AvailablePlugin, ConfigAreas, ConfigDocument, ConfigEditResult, ConfigPlugins, ReloadResult } from './api-types.js';
import type { Reloader } from './reloader.js';

export interface ConfigRouteDeps {
  store: ConfigStore;
  reloader: Reloader;
  bus: EventBus;
  plugins: Pick<PluginHost, 'list'>;
  /** The manifest of the plugin a `use:` names (built-in name, folder or npm package). */
  describe(use: string): Promise<{ id: string; name: string; version: string; description?: string; configSchema: Record<string, unknown> }>;
  /** Names of the built-in plugins, for "add a plugin". */
  builtin(): string[];
  /** Ids of the entities in an area now. */
  areaEntities(area: string): string[];
  /** Files the hub reads but the API never writes (the automations file, secrets.yaml). */
  readOnlyFiles(): string[];
}

const revision = z.string().min(1).optional().describe('the revision read (or send it as If-Match)');
const entry = z.looseObject({ use: z.string().min(1), id: z.string().min(1).optional() }).describe('a plugin entry as in hearth.yaml: use, optional id/isolate/enabled, then the plugin\'s own keys');
const keyPath = z.array(z.union([z.string().min(1), z.number().int().min(0)])).min(1);
const patchBody = z.strictObject({ path: keyPath, value: z.unknown().optional(), delete: z.literal(true).optional(), revision }).refine((b) => b.delete === true || b.value !== undefined, 'give value, or delete: true');
const addBody = z.strictObject({ entry, revision });
const pluginPatch = z.strictObject({ changes: z.record(z.string(), z.unknown()).describe('top-level keys of the entry to set; null removes one'), revision });
const areaName = z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _');
const areasBody = z.strictObject({
  areas: z.array(areaName),
  renamed: z.record(z.string(), areaName).optional(),
  moveDevices: z.record(z.string(), areaName.nullable()).optional(),
  revision,
});
const idParam = z.object({ id: z.string() });
const reloadResult = z.object({ revision: z.string(), started: z.array(z.string()), stopped: z.array(z.string()), restarted: z.array(z.string()), automations: z.array(z.string()), restartNeeded: z.array(z.string()) });
const editResult = z.object({ revision: z.string(), changed: z.boolean(), reload: reloadResult.optional() });
const anObject = z.record(z.string(), z.unknown());

const DOCS: RouteDoc[] = [
  { method: 'get', path: '/config', summary: 'What hearth.yaml says, its revision (also the ETag) and whether it can be written', access: 'admin', response: { status: 200, body: anObject } },
  { method: 'patch', path: '/config', summary: 'Set or delete the value at a key path, checked as a whole, then reload', access: 'admin', body: patchBody, response: { status: 200, body: editResult } },
  { method: 'post', path: '/config/reload', summary: 'Read hearth.yaml again and apply what changed, without a restart', access: 'admin', response: { status: 200, body: reloadResult } },
  { method: 'get', path: '/config/plugins', summary: 'The plugin entries, each with its id, status and whether it is enabled', access: 'admin', response: { status: 200, body: anObject } },
  { method: 'get', path: '/config/plugins/available', summary: 'The built-in plugins and the JSON Schema of their config (for the settings form)', access: 'admin', response: { status: 200, body: anObject } },
  { method: 'post', path: '/config/plugins', summary: 'Add a plugin entry; it starts at once', access: 'admin', body: addBody, response: { status: 201, body: editResult } },
  { method: 'put', path: '/config/plugins/:id', summary: 'Replace a plugin entry; only that plugin restarts', access: 'admin', params: idParam, body: addBody, response: { status: 200, body: editResult } },
  { method: 'patch', path: '/config/plugins/:id', summary: 'Change keys of a plugin entry, e.g. {"changes": {"enabled": false}}', access: 'admin', params: idParam, body: pluginPatch, response: { status: 200, body: editResult } },
  { method: 'delete', path: '/config/plugins/:id', summary: 'Remove a plugin entry (?revision= or If-Match); it stops at once', access: 'admin', params: idParam, response: { status: 200, body: editResult } },
  { method: 'get', path: '/config/areas', summary: 'The areas, in order, with the entities in each', access: 'admin', response: { status: 200, body: anObject } },
  { method: 'put', path: '/config/areas', summary: 'Set the areas: add, rename (devices follow), reorder, delete (devices go where moveDevices says)', access: 'admin', body: areasBody, response: { status: 200, body: editResult } },
];

type Raw = Record<string, unknown>;
type Entry = Record<string, unknown> & { use: string; id?: string };

const entriesOf = (raw: Raw): Entry[] => (Array.isArray(raw.plugins) ? (raw.plugins as Entry[]) : []);

/** The config-edit API (docs/api.md#configuration): edits hearth.yaml, then reloads what changed. */
export function createConfigRoutes(deps: ConfigRouteDeps): RouteModule {
  const { store, reloader, bus } = deps;
  const admin = requireRole('admin');

  /** The instance id of each entry: its `id:`, else its plugin's manifest id. */
  async function idsOf(entries: readonly Entry[]): Promise<string[]> {
    return Promise.all(entries.map(async (e) => e.id ?? (await deps.describe(e.use).then((m) => m.id, () => e.use))));
  }

  async function indexOf(raw: Raw, id: string): Promise<number> {
    const index = (await idsOf(entriesOf(raw))).indexOf(id);
    if (index < 0) throw new NotFoundError(`no plugin entry with id '${id}' in the config`);
    return index;
  }

  /** The revision the caller read: If-Match, else the body's or query's `revision`. */
  function revisionFrom(c: HonoContext<ApiEnv>, body?: { revision?: string | undefined }): string {
    const header = c.req.header('if-match')?.replace(/^W\//, '').replace(/"/g, '');
    const given = header || body?.revision || c.req.query('revision');
    if (!given) throw new ValidationError('send the revision you read, as If-Match or revision: edits made on an older file are refused');
    return given;
  }

  /** Writes the change (audited), reloads when the file changed, and answers the new revision. */
  async function commit(c: HonoContext<ApiEnv>, action: string, target: string, revisionRead: string, change: ConfigChange, status: 200 | 201 = 200) {
    const edit = await audited(bus, c, { action, target }, () => store.edit(revisionRead, change));
    let reload: ReloadResult | undefined;
    if (edit.changed) reload = await reloader.reload(c.get('context'), 'api');
    c.header('ETag', `"${edit.snapshot.revision}"`);
    const answer: ConfigEditResult = { revision: edit.snapshot.revision, changed: edit.changed, ...(reload && { reload }) };
    return c.json(answer, status);
  }

  const read = (c: HonoContext<ApiEnv>): ConfigSnapshot => {
    const snapshot = store.read();
    c.header('ETag', `"${snapshot.revision}"`);
    return snapshot;
  };

  const routes = new Hono<ApiEnv>()
    .get('/config', admin, (c) => {
      const { file, revision: rev, writable, raw } = read(c);
      const answer: ConfigDocument = { file, revision: rev, writable, readOnlyFiles: deps.readOnlyFiles(), config: raw };
      return c.json(answer);
    })
    .patch('/config', admin, validate('json', patchBody), async (c) => {
      const body = c.req.valid('json');
      return commit(c, 'config.set', body.path.join('.'), revisionFrom(c, body), (raw) => setAt(raw, body.path, body.delete ? undefined : body.value));
    })
    .post('/config/reload', admin, async (c) => c.json(await reloader.reload(c.get('context'), 'api')))
    .get('/config/plugins', admin, async (c) => {
      const { revision: rev, writable, raw } = read(c);
      const entries = entriesOf(raw);
      const ids = await idsOf(entries);
      const running = new Map(deps.plugins.list().map((p) => [p.id, p]));
      const plugins = entries.map((e, index) => {
        const info = running.get(ids[index]!);
        return { id: ids[index]!, index, use: e.use, enabled: e.enabled !== false, entry: e, ...(info && { status: info.status, ...(info.error && { error: info.error }), entities: info.entities }) };
      });
      const answer: ConfigPlugins = { revision: rev, writable, plugins };
      return c.json(answer);
    })
    .get('/config/plugins/available', admin, async (c) => {
      const available = await Promise.all(deps.builtin().map(async (use) => ({ use, ...(await deps.describe(use).catch(() => undefined)) })));
      return c.json({ plugins: available.filter((p): p is AvailablePlugin => 'configSchema' in p) });
    })
    .post('/config/plugins', admin, validate('json', addBody), async (c) => {
      const body = c.req.valid('json');
      return commit(c, 'config.plugin.add', body.entry.id ?? body.entry.use, revisionFrom(c, body), (raw) => ({ ...raw, plugins: [...entriesOf(raw), body.entry] }), 201);
    })
    .put('/config/plugins/:id', admin, validate('json', addBody), async (c) => {
      const id = c.req.param('id');
      const body = c.req.valid('json');
      const index = await indexOf(store.read().raw, id);
      const replacement = body.entry;
      if ((await idsOf([replacement]))[0] !== id) throw new ConflictError(`the entry's id would no longer be '${id}'; keep its use, or give it id: ${id}`);
      return commit(c, 'config.plugin.edit', id, revisionFrom(c, body), (raw) => setAt(raw, ['plugins', index], replacement));
    })
    .patch('/config/plugins/:id', admin, validate('json', pluginPatch), async (c) => {
      const id = c.req.param('id');
      const body = c.req.valid('json');
      const index = await indexOf(store.read().raw, id);
      return commit(c, 'config.plugin.edit', id, revisionFrom(c, body), (raw) =>
        Object.entries(body.changes).reduce((acc, [key, value]) => setAt(acc, ['plugins', index, key], value ?? undefined), raw),
      );
    })
    .delete('/config/plugins/:id', admin, async (c) => {
      const id = c.req.param('id');
      const index = await indexOf(store.read().raw, id);
      return commit(c, 'config.plugin.remove', id, revisionFrom(c), (raw) => setAt(raw, ['plugins', index], undefined));
    })
    .get('/config/areas', admin, (c) => {
      const { revision: rev, writable, raw } = read(c);
      const areas = (Array.isArray(raw.areas) ? (raw.areas as unknown[]) : []).map(String);
      const answer: ConfigAreas = { revision: rev, writable, areas: areas.map((id) => ({ id, entities: deps.areaEntities(id) })) };
      return c.json(answer);
    })
    .put('/config/areas', admin, validate('json', areasBody), async (c) => {
      const body = c.req.valid('json');
      return commit(c, 'config.areas', 'areas', revisionFrom(c, body), (raw) => changeAreas(raw, body));
    });
  return { routes, docs: DOCS };
}
