import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Kernel, PluginStatus } from '../kernel/index.js';
import type { PluginInfo } from '../plugins/index.js';
import type { Service } from '../service.js';
import type { Metric } from './format.js';
import type { HttpMetrics } from './http.js';

/** What the recorder reports (History: `recorder.stats()`). */
export interface RecorderStats {
  queued: number;
  dropped: number;
  lastCommitMs: number;
  commits: number;
}

export interface MetricsDeps {
  kernel: Kernel;
  plugins?: { list(): Pick<PluginInfo, 'id' | 'status'>[] };
  recorderStats?: () => RecorderStats;
  webSocketClients?: () => number;
  /** Subscribes to finished automation runs (wire to the bus's `automation_trace`). */
  onAutomationRun?: (listener: (run: { automationId: string; ok: boolean }) => void) => () => void;
  /** HTTP request counts and durations (the API's metrics middleware). */
  http?: Pick<HttpMetrics, 'collect'>;
  now?: () => number;
}

export interface MetricsCollector extends Service {
  collect(): Metric[];
}

const RATE_WINDOW_MS = 60_000;
const STATUSES: readonly PluginStatus[] = ['loading', 'running', 'failed', 'stopped', 'restarting'];

/** Counts bus traffic from start() on; collect() reads everything else on demand. */
export function createMetricsCollector(deps: MetricsDeps): MetricsCollector {
  const now = deps.now ?? Date.now;
  let stateChanges = 0;
  // Timestamps of recent changes for a per-second rate without a Prometheus server.
  let recent: number[] = [];
  const runs = new Map<string, { ok: number; failed: number }>();
  const unsubscribe: (() => void)[] = [];
  let lag: IntervalHistogram | undefined;

  const gauge = (name: string, help: string, value: number): Metric => ({ name, help, type: 'gauge', samples: [{ value }] });

  return {
    name: 'metrics',
    async start() {
      unsubscribe.push(
        deps.kernel.bus.on('state_changed', () => {
          stateChanges++;
          recent.push(now());
          if (recent.length > 10_000) recent = recent.slice(-5_000);
        }),
      );
      if (deps.onAutomationRun) {
        unsubscribe.push(
          deps.onAutomationRun(({ automationId, ok }) => {
            const entry = runs.get(automationId) ?? { ok: 0, failed: 0 };
            entry[ok ? 'ok' : 'failed']++;
            runs.set(automationId, entry);
          }),
        );
      }
      lag = monitorEventLoopDelay({ resolution: 20 });
      lag.enable();
    },
    async stop() {
      for (const off of unsubscribe.splice(0)) off();
      lag?.disable();
    },
    collect() {
      const at = now();
      recent = recent.filter((t) => at - t <= RATE_WINDOW_MS);
      const states = deps.kernel.states.all();
      const metrics: Metric[] = [
        gauge('hearth_entities', 'Entities registered.', states.length),
        gauge('hearth_entities_unavailable', 'Entities whose device cannot be reached.', states.filter((s) => !s.available).length),
        { name: 'hearth_state_changes_total', help: 'State changes since start.', type: 'counter', samples: [{ value: stateChanges }] },
        gauge('hearth_state_changes_per_second', 'State changes per second over the last minute.', recent.length / (RATE_WINDOW_MS / 1000)),
      ];
      if (deps.recorderStats) {
        const r = deps.recorderStats();
        metrics.push(
          gauge('hearth_recorder_queue_length', 'States waiting for the next commit.', r.queued),
          { name: 'hearth_recorder_dropped_total', help: 'States dropped because the queue was full.', type: 'counter', samples: [{ value: r.dropped }] },
          { name: 'hearth_recorder_commits_total', help: 'Recorder commits.', type: 'counter', samples: [{ value: r.commits }] },
          gauge('hearth_recorder_last_commit_seconds', 'Duration of the last commit.', r.lastCommitMs / 1000),
        );
      }
      if (deps.onAutomationRun) {
        const samples = [...runs].flatMap(([automation, c]) => [
          { labels: { automation, result: 'ok' }, value: c.ok },
          { labels: { automation, result: 'failed' }, value: c.failed },
        ]);
        metrics.push({ name: 'hearth_automation_runs_total', help: 'Finished automation runs by result.', type: 'counter', samples });
      }
      if (deps.plugins) {
        const samples = deps.plugins.list().flatMap((p) => STATUSES.map((status) => ({ labels: { plugin: p.id, status }, value: p.status === status ? 1 : 0 })));
        metrics.push({ name: 'hearth_plugin_status', help: 'Plugin status (1 for the current one).', type: 'gauge', samples });
      }
      if (deps.webSocketClients) metrics.push(gauge('hearth_websocket_clients', 'Connected WebSocket clients.', deps.webSocketClients()));
      if (deps.http) metrics.push(...deps.http.collect());
      if (lag) {
        const q = (p: number) => lag!.percentile(p) / 1e9;
        metrics.push({
          name: 'hearth_event_loop_lag_seconds',
          help: 'Event-loop delay since start.',
          type: 'summary',
          samples: [
            { labels: { quantile: '0.5' }, value: q(50) },
            { labels: { quantile: '0.99' }, value: q(99) },
            { labels: { quantile: '1' }, value: lag.max / 1e9 },
            // The histogram keeps a mean, not a sum: mean × count is the total delay it saw.
            { suffix: '_sum', value: lag.count ? (lag.mean * lag.count) / 1e9 : 0 },
            { suffix: '_count', value: lag.count },
          ],
        });
      }
      metrics.push(
        gauge('process_resident_memory_bytes', 'Resident set size.', process.memoryUsage.rss()),
        gauge('process_uptime_seconds', 'Seconds since the process started.', Math.round(process.uptime())),
      );
      return metrics;
    },
  };
}
