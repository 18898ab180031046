import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertRoutes } from '../../../core/alerts/index.js';
import type { ApiEnv } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import type { Role } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { callAs, roleFromHeader } from '../../helpers/role-header.js';
import { alertsHome, type AlertsHome } from '../../unit/alerts/harness.js';

let home: AlertsHome;
let server: HttpServer;
let now = Date.parse('2026-12-06T09:00:00Z');

beforeEach(async () => {
  now = Date.parse('2026-12-06T09:00:00Z');
  home = await alertsHome({ now: () => now, timezone: 'UTC' });
  const app = new Hono<ApiEnv>();
  app.onError((err, c) => errorResponse(err, c, silentLogger()));
  app.use(roleFromHeader);
  app.route('/api', createAlertRoutes(home.alerts).routes);
  server = await startHttpServer(app as unknown as Hono, { port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
  await home.close();
});

const call = (method: string, path: string, body?: unknown, role: Role | null = 'member') => callAs(server, method, path, body, role);

describe('/api/alerts', () => {
  it('lists newest first a page at a time, filtered; a member acknowledges with a note, recorded with their name', async () => {
    for (const [i, severity] of (['info', 'warning', 'critical'] as const).entries()) {
      home.alerts.raise({ severity, title: `alert ${i}`, entity: 'binary_sensor.front_door' }, 'hub');
      now += 3_600_000;
    }
    const page = await call('GET', '/api/alerts?limit=2');
    expect(page.status).toBe(200);
    expect(page.body!.alerts.map((a: { title: string }) => a.title)).toEqual(['alert 2', 'alert 1']);
    expect(page.body!.open).toBe(3);
    const rest = await call('GET', `/api/alerts?limit=2&before=${page.body!.next}`);
    expect(rest.body!.alerts.map((a: { title: string }) => a.title)).toEqual(['alert 0']);
    expect(rest.body!.next).toBeUndefined();
    const severe = await call('GET', '/api/alerts?severity=warning,critical&entity=binary_sensor.front_door');
    expect(severe.body!.alerts.map((a: { severity: string }) => a.severity)).toEqual(['critical', 'warning']);

    const id = page.body!.alerts[0].id as number;
    const acked = await call('POST', `/api/alerts/${id}/acknowledge`, { note: 'false alarm' });
    expect(acked.status).toBe(200);
    // roleFromHeader signs in as u-member, named "member"; the harness resolves only u1, so the id stands
    expect(acked.body).toMatchObject({ id, status: 'acknowledged', acknowledgedBy: 'u-member', note: 'false alarm', acknowledgedAt: '2026-12-06T12:00:00.000Z' });
    expect((await call('GET', '/api/alerts?status=open')).body!.alerts.map((a: { id: number }) => a.id)).not.toContain(id);
    expect((await call('GET', '/api/alerts?status=acknowledged')).body!.alerts.map((a: { id: number }) => a.id)).toEqual([id]);
    expect((await call('GET', `/api/alerts/${id}`)).body).toEqual(acked.body);
    expect(home.audits.at(-1)).toMatchObject({ action: 'alert.acknowledged', context: { userId: 'u-member' } });
  });

  it('keeps a duress (silent) alert out of the dashboard: not listed, not counted, 404 by id; an admin may ask for it', async () => {
    const loud = home.alerts.raise({ title: 'Window open', severity: 'warning' }, 'hub');
    const duress = home.alerts.raise({ title: 'Duress code used', severity: 'critical', silent: true }, 'plugin:alarm');
    const listed = await call('GET', '/api/alerts');
    expect(listed.body!.alerts.map((a: { id: number }) => a.id)).toEqual([loud.id]);
    expect((await call('GET', `/api/alerts/${duress.id}`)).status).toBe(404);
    expect((await call('GET', '/api/alerts/stats?period=day&start=2026-12-06T00:00:00Z&end=2026-12-07T00:00:00Z')).body!.bySeverity).toMatchObject({ warning: 1, critical: 0 });
    expect((await call('GET', '/api/alerts?silent=include')).status).toBe(403);
    const asAdmin = await call('GET', '/api/alerts?silent=include', undefined, 'admin');
    expect(asAdmin.body!.alerts.map((a: { id: number }) => a.id)).toEqual([duress.id, loud.id]);
    expect((await call('GET', `/api/alerts/${duress.id}?silent=include`, undefined, 'admin')).body).toMatchObject({ id: duress.id, silent: true });
  });

  it('acknowledging twice is 409, an unknown alert 404; an empty body is fine', async () => {
    const { id } = home.alerts.raise({ title: 'Disk nearly full' }, 'hub');
    expect((await call('POST', `/api/alerts/${id}/acknowledge`, {})).status).toBe(200);
    const twice = await call('POST', `/api/alerts/${id}/acknowledge`, {});
    expect(twice.status).toBe(409);
    expect(twice.body!.error.code).toBe('conflict');
    expect((await call('POST', '/api/alerts/999/acknowledge', {})).status).toBe(404);
    expect((await call('GET', '/api/alerts/999')).status).toBe(404);
  });

  it('answers bad input with 400 naming the field, and nobody signed in with 401', async () => {
    const { id } = home.alerts.raise({ title: 'x' }, 'hub');
    const cases: [string, string, unknown?][] = [
      ['GET', '/api/alerts?status=closed'],
      ['GET', '/api/alerts?severity=fatal'],
      ['GET', '/api/alerts?limit=0'],
      ['GET', '/api/alerts?before=abc'],
      ['GET', '/api/alerts?entity=Front%20Door'],
      ['GET', '/api/alerts/stats?period=year'],
      ['GET', '/api/alerts/stats?start=yesterday'],
      ['GET', '/api/alerts/stats?start=2026-12-06T00:00:00Z&end=2026-12-05T00:00:00Z'],
      ['GET', '/api/alerts/abc'],
      ['POST', `/api/alerts/${id}/acknowledge`, { note: 5 }],
      ['POST', `/api/alerts/${id}/acknowledge`, { note: 'x', extra: 1 }],
      ['POST', `/api/alerts/${id}/acknowledge`, '{not json'],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(method, path, body);
      expect([path, res.status, res.body!.error.code]).toEqual([path, 400, 'invalid_input']);
    }
    expect((await call('GET', '/api/alerts', undefined, null)).status).toBe(401);
    expect((await call('POST', `/api/alerts/${id}/acknowledge`, {}, null)).status).toBe(401);
    expect(home.alerts.get(id).status).toBe('open');
  });

  it('stats count by severity, entity and hour of day over the period', async () => {
    const raise = (iso: string, severity: 'info' | 'warning' | 'critical', entity?: string) => {
      now = Date.parse(iso);
      home.alerts.raise({ severity, title: `${iso} ${severity}`, ...(entity && { entity }) }, 'hub');
    };
    raise('2026-12-01T07:10:00Z', 'warning', 'binary_sensor.front_door');
    raise('2026-12-05T07:50:00Z', 'critical', 'binary_sensor.front_door');
    raise('2026-12-05T20:00:00Z', 'info');
    raise('2026-12-05T23:00:00Z', 'warning', 'sensor.cellar');
    now = Date.parse('2026-12-06T00:00:00Z');
    const day = await call('GET', '/api/alerts/stats?period=day');
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ start: '2026-12-05T00:00:00.000Z', end: '2026-12-06T00:00:00.000Z', total: 3, bySeverity: { info: 1, warning: 1, critical: 1 } });
    expect(day.body!.byEntity).toEqual([
      { entityId: 'binary_sensor.front_door', count: 1 },
      { entityId: 'sensor.cellar', count: 1 },
    ]);
    expect(day.body!.byHour[7]).toEqual({ hour: 7, total: 1, info: 0, warning: 0, critical: 1 });
    const week = await call('GET', '/api/alerts/stats?period=week');
    expect(week.body!.total).toBe(4);
    expect(week.body!.byHour[7]).toMatchObject({ total: 2, warning: 1, critical: 1 });
    expect(week.body!.byEntity[0]).toEqual({ entityId: 'binary_sensor.front_door', count: 2 });
    const ranged = await call('GET', '/api/alerts/stats?start=2026-12-01T00:00:00Z&end=2026-12-02T00:00:00Z');
    expect(ranged.body!.total).toBe(1);
  });
});
