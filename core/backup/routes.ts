import { Hono } from 'hono';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import type { EventBus } from '../kernel/index.js';
import { createBackup } from './archive.js';
import { backupFileName } from './paths.js';
import type { Snapshot } from './snapshot.js';

export interface BackupRouteDeps {
  /** Usually `onlineSnapshot(database.sqlite)` on the hub's own connection. */
  snapshot: Snapshot;
  configFile?: string;
  /** For the audit trail. */
  bus?: EventBus;
  /** Where the archive is assembled before it streams out; default the OS temp dir. */
  workDir?: string;
}

const DOCS: RouteDoc[] = [
  { method: 'post', path: '/backup', summary: 'A consistent database snapshot and the config as one tar download (docs/operations.md)', access: 'owner', response: { status: 200 } },
];

/** `POST /api/backup` (owner): a consistent snapshot and the config as one tar download. */
export function createBackupRoutes(deps: BackupRouteDeps): RouteModule {
  return { routes: backupApp(deps), docs: DOCS };
}

function backupApp(deps: BackupRouteDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.post('/backup', requireRole('owner'), async (c) => {
    const dir = mkdtempSync(join(deps.workDir ?? tmpdir(), 'hearth-download-'));
    const name = backupFileName(new Date());
    const out = join(dir, name);
    try {
      await createBackup({ snapshot: deps.snapshot, out, ...(deps.configFile && { configFile: deps.configFile }) });
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      deps.bus?.emit('audit', { action: 'backup', outcome: 'failed', context: c.get('context'), address: c.get('address') });
      throw err;
    }
    deps.bus?.emit('audit', { action: 'backup', outcome: 'ok', context: c.get('context'), address: c.get('address'), target: name });
    const stream = createReadStream(out);
    // The temp copy goes as soon as the download ends or is aborted.
    stream.once('close', () => rmSync(dir, { recursive: true, force: true }));
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: { 'content-type': 'application/x-tar', 'content-disposition': `attachment; filename="${name}"` },
    });
  });
  return app;
}
