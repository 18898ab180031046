import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEnv, ApiUser } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { listTar } from '../../../core/backup/tar.js';
import { silentLogger } from '../../../core/log.js';
import { createBackupRoutes, integrityProblems, onlineSnapshot, verifyBackup } from '../../../core/backup/index.js';
import { openDatabase } from '../../../core/db/index.js';
import { createContext } from '../../../core/kernel/context.js';
import { PACKAGE_ROOT } from '../../../core/version.js';

const CLI = join(PACKAGE_ROOT, 'dist/core/cli.js');
let dir: string;
let writer: ChildProcess | undefined;

beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hearth-backup-'))));
afterEach(async () => {
  if (writer && writer.exitCode === null && writer.signalCode === null) {
    writer.kill('SIGKILL');
    await once(writer, 'exit');
  }
  rmSync(dir, { recursive: true, force: true });
});

function hearth(...args: string[]) {
  return spawnSync('node', [CLI, ...args], { encoding: 'utf8', cwd: dir });
}

/** A second process hammering the database in small transactions, as the recorder does. */
async function startWriter(dbPath: string): Promise<ChildProcess> {
  const script = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(dbPath)});
    db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS load (id INTEGER PRIMARY KEY, at INTEGER, payload BLOB)');
    const insert = db.prepare('INSERT INTO load (at, payload) VALUES (?, randomblob(200))');
    const batch = db.transaction(() => { for (let i = 0; i < 500; i++) insert.run(Date.now()); });
    let first = true;
    const loop = () => { batch(); if (first) { first = false; process.stdout.write('ready\\n'); } setImmediate(loop); };
    loop();`;
  const child = spawn('node', ['-e', script], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(chunk.toString()).toContain('ready');
  return child;
}

describe('backup and restore', () => {
  it('a CLI backup taken during heavy writes restores to a sound database, keeping the old files', async () => {
    const config = join(dir, 'hearth.yaml');
    writeFileSync(config, 'name: Backup test\nhardware: { backend: sim }\n');
    const dbPath = join(dir, 'data', 'hearth.db');
    openDatabase(dbPath).close();
    writer = await startWriter(dbPath);

    const backup = hearth('backup', '--config', config, '--data', 'data', '--out', 'snap.tar');
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const rowsInBackup = (() => {
      const verified = verifyBackup(join(dir, 'snap.tar'), mkdtempSync(join(dir, 'v-')));
      const db = new Database(verified.database, { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM load').get() as { n: number }).n;
      db.close();
      return n;
    })();
    expect(rowsInBackup).toBeGreaterThan(0);
    expect(rowsInBackup % 500).toBe(0); // whole transactions only: a consistent snapshot

    writer.kill('SIGKILL');
    await once(writer, 'exit');
    writeFileSync(config, 'name: Edited after the backup\nhardware: { backend: sim }\n');
    const restore = hearth('restore', 'snap.tar', '--config', config, '--data', 'data');
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(integrityProblems(dbPath)).toEqual([]);
    expect(readFileSync(config, 'utf8')).toContain('name: Backup test');
    const kept = readdirSync(join(dir, 'data')).filter((f) => f.includes('.before-restore-'));
    expect(kept.some((f) => f.startsWith('hearth.db.before-restore-'))).toBe(true);
    expect(readdirSync(dir).some((f) => f.startsWith('hearth.yaml.before-restore-'))).toBe(true);
    const db = new Database(dbPath, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM load').get() as { n: number }).n).toBe(rowsInBackup);
    db.close();
  });

  it('restore refuses a damaged archive and touches nothing', () => {
    const config = join(dir, 'hearth.yaml');
    writeFileSync(config, 'name: Untouched\n');
    const dbPath = join(dir, 'data', 'hearth.db');
    openDatabase(dbPath).close();
    expect(hearth('backup', '--config', config, '--data', 'data', '--out', 'good.tar').status).toBe(0);
    const bytes = readFileSync(join(dir, 'good.tar'));
    const db = listTar(join(dir, 'good.tar')).find((e) => e.name === 'hearth.db')!;
    const at = db.offset + Math.floor(db.size / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(join(dir, 'bad.tar'), bytes);
    const before = readFileSync(dbPath);
    const restore = hearth('restore', 'bad.tar', '--config', config, '--data', 'data');
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/damaged|integrity|invalid/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'data')).some((f) => f.includes('before-restore'))).toBe(false);
    expect(hearth('restore', 'missing.tar', '--config', config, '--data', 'data').stderr).toContain('does not exist');
  });

  it('POST /api/backup: owner gets a verified archive from the live connection, others are refused', async () => {
    const config = join(dir, 'hearth.yaml');
    writeFileSync(config, 'name: Route test\n');
    const handle = openDatabase(join(dir, 'hearth.db'));
    handle.sqlite.exec('CREATE TABLE load (id INTEGER PRIMARY KEY, v TEXT)');
    let writing = true;
    const insert = handle.sqlite.prepare('INSERT INTO load (v) VALUES (?)');
    const pump = () => {
      if (!writing) return;
      handle.sqlite.transaction(() => {
        for (let i = 0; i < 200; i++) insert.run('x'.repeat(100));
      });
      setImmediate(pump);
    };
    pump();
    const asUser = (role: ApiUser['role']) => {
      const app = new Hono<ApiEnv>();
      app.onError((err, c) => errorResponse(err, c, silentLogger()));
      app.use(async (c, next) => {
        c.set('user', { id: 'u1', username: 'u', role });
        c.set('context', createContext({ userId: 'u1' }));
        c.set('address', '127.0.0.1');
        await next();
      });
      app.route('/api', createBackupRoutes({ snapshot: onlineSnapshot(handle.sqlite), configFile: config, workDir: dir }).routes);
      return app;
    };
    try {
      expect((await asUser('admin').request('/api/backup', { method: 'POST' })).status).toBe(403);
      const res = await asUser('owner').request('/api/backup', { method: 'POST' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="hearth-.*\.tar"/);
      writeFileSync(join(dir, 'download.tar'), Buffer.from(await res.arrayBuffer()));
    } finally {
      writing = false;
      handle.close();
    }
    const verified = verifyBackup(join(dir, 'download.tar'), mkdtempSync(join(dir, 'v-')));
    expect(verified.manifest.files.map((f) => f.name)).toEqual(['hearth.db', 'hearth.yaml']);
    expect(readdirSync(dir).some((f) => f.startsWith('hearth-download-'))).toBe(false);
    expect(existsSync(verified.config!)).toBe(true);
  });
});
