/** Prometheus text exposition format 0.0.4: pure formatting, no I/O. */
export type MetricType = 'gauge' | 'counter' | 'summary' | 'histogram';

export interface Sample {
  /** Appended to the family name: `_sum`, `_count`, `_bucket` of a summary or histogram. */
  suffix?: '_sum' | '_count' | '_bucket';
  labels?: Readonly<Record<string, string>>;
  value: number;
}

export interface Metric {
  name: string;
  help: string;
  type: MetricType;
  samples: readonly Sample[];
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

export function formatMetrics(metrics: readonly Metric[]): string {
  const out: string[] = [];
  for (const m of metrics) {
    out.push(`# HELP ${m.name} ${escapeHelp(m.help)}`, `# TYPE ${m.name} ${m.type}`);
    for (const s of m.samples) {
      const labels = s.labels && Object.keys(s.labels).length
        ? `{${Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`
        : '';
      out.push(`${m.name}${s.suffix ?? ''}${labels} ${formatValue(s.value)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
