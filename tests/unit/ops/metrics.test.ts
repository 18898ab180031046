import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse } from '../../../core/api/errors.js';
import type { ApiEnv, ApiUser } from '../../../core/api/env.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createMetricsCollector, createMetricsRoutes, formatMetrics, type MetricsCollector } from '../../../core/metrics/index.js';

describe('formatMetrics', () => {
  it('writes HELP, TYPE and escaped labels', () => {
    const text = formatMetrics([{ name: 'x_total', help: 'a\\b', type: 'counter', samples: [{ labels: { name: 'say "hi"\n' }, value: 3 }, { value: Infinity }] }]);
    expect(text).toBe('# HELP x_total a\\\\b\n# TYPE x_total counter\nx_total{name="say \\"hi\\"\\n"} 3\nx_total +Inf\n');
  });
});

describe('metrics collector and route', () => {
  let collector: MetricsCollector | undefined;
  afterEach(() => collector?.stop());

  function setup(token?: string) {
    const kernel = createKernel(silentLogger());
    let emitRun: (run: { automationId: string; ok: boolean }) => void = () => {};
    collector = createMetricsCollector({
      kernel,
      plugins: { list: () => [{ id: 'gpio', status: 'running' }, { id: 'broken', status: 'failed' }] },
      recorderStats: () => ({ queued: 4, dropped: 1, lastCommitMs: 12, commits: 9 }),
      webSocketClients: () => 2,
      onAutomationRun: (listener) => ((emitRun = listener), () => (emitRun = () => {})),
    });
    const app = (user?: ApiUser) => {
      const a = new Hono<ApiEnv>();
      a.onError((err, c) => errorResponse(err, c, silentLogger()));
      a.use(async (c, next) => {
        if (user) c.set('user', user);
        await next();
      });
      a.route('/api', createMetricsRoutes({ collector: collector!, ...(token && { token }) }).routes);
      return a;
    };
    return { kernel, app, run: (r: { automationId: string; ok: boolean }) => emitRun(r) };
  }

  it('reports entities, state changes, recorder, automations, plugins, clients, lag and RSS', async () => {
    const { kernel, app, run } = setup();
    await collector!.start();
    kernel.registry.add({ id: 'light.hall', owner: 'gpio' });
    kernel.states.init(kernel.registry.require('light.hall'));
    kernel.states.update('light.hall', { state: 'on' });
    kernel.states.update('light.hall', { state: 'off' });
    run({ automationId: 'night', ok: true });
    run({ automationId: 'night', ok: false });
    const res = await app({ id: 'a', username: 'ann', role: 'admin' }).request('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await res.text();
    for (const line of [
      'hearth_entities 1',
      'hearth_state_changes_total 3', // init (null → unknown) and two changes
      'hearth_recorder_queue_length 4',
      'hearth_recorder_last_commit_seconds 0.012',
      'hearth_automation_runs_total{automation="night",result="ok"} 1',
      'hearth_automation_runs_total{automation="night",result="failed"} 1',
      'hearth_plugin_status{plugin="broken",status="failed"} 1',
      'hearth_websocket_clients 2',
    ]) expect(text).toContain(`${line}\n`);
    expect(text).toMatch(/hearth_event_loop_lag_seconds\{quantile="0.99"\} [\d.e-]+\n/);
    expect(Number(text.match(/process_resident_memory_bytes (\d+)/)![1])).toBeGreaterThan(1e6);
  });

  it('needs admin or the scrape token', async () => {
    const { app } = setup('a-long-scrape-token-123');
    expect((await app().request('/api/metrics')).status).toBe(401);
    expect((await app({ id: 'm', username: 'max', role: 'member' }).request('/api/metrics')).status).toBe(403);
    expect((await app().request('/api/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await app().request('/api/metrics', { headers: { authorization: 'Bearer a-long-scrape-token-123' } })).status).toBe(200);
  });
});
