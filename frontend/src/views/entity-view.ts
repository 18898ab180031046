import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import type { EntityState, HistoryPoint, HistoryResponse, HttpClient, LogbookEntry, StatisticsRow } from '../api/index.js';
import { cardFor } from '../cards/pick.js';
import { errorText } from '../lib/errors.js';
import { formatNumber, formatState, formatTime, stateWord, titleCase } from '../lib/format.js';
import { mergeEntries, type LogbookNames } from '../lib/logbook.js';
import { axisStyle, UplotHost } from '../lib/uplot-host.js';
import { controls } from '../styles/theme.js';
import { FOLLOWERS } from './follow-picker.js';
import './logbook-view.js';
import { currentLocale, msg } from '../lib/i18n.js';
import { presetLabel } from '../lib/history-selection.js';

const RANGES = [['24h', 24], ['7d', 24 * 7], ['30d', 24 * 30]] as const;
/**
 * Domains whose history the chart can draw: numbers, or two states it plots as 1 and 0
 * (on/open against the rest). A lock's, an alarm's or the weather's words are not two
 * levels; their history is the logbook below.
 */
const CHARTED = new Set(['sensor', 'binary_sensor', 'switch', 'light', 'cover', 'valve', 'fan', 'siren', 'number', 'schedule', 'climate']);

/** Entity detail (lazy-loaded with uPlot): history chart with zoom and min/max band, statistics, its logbook. */
export class HearthEntityView extends LitElement {
  static override properties = {
    api: { attribute: false }, entity: { attribute: false }, entityId: { type: String }, names: { attribute: false }, live: { attribute: false }, pending: { type: Boolean },
    schedules: { attribute: false },
    _range: { state: true }, _stats: { state: true }, _log: { state: true }, _error: { state: true },
  };
  static override styles = [
    controls,
    unsafeCSS(uplotCss),
    css`
      .head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; margin-bottom: 1rem; }
      .big { font-size: 2rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .chart { min-height: 300px; }
      /* The device's own card, so it can be worked from here too. */
      .control { max-width: 420px; margin-bottom: 1rem; }
      .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr)); margin-top: 1rem; }
      .u-legend { color: var(--text); font-size: 0.85rem; }
      .tabs button[aria-pressed='true'] { background: var(--accent-soft); color: var(--accent); border-color: var(--accent); }
    `,
  ];
  declare api: HttpClient;
  declare entity: EntityState | undefined;
  declare entityId: string;
  declare names: LogbookNames;
  /** This entity's rows streamed since the page loaded its own. */
  declare live: LogbookEntry[];
  /** A command sent from this page's card awaits the hub. */
  declare pending: boolean;
  /** The schedules a switch, light, cover or climate may follow. */
  declare schedules: EntityState[];
  declare _range: number;
  declare _stats: { hour: StatisticsRow[]; day: StatisticsRow[] } | undefined;
  declare _log: LogbookEntry[] | undefined;
  declare _error: string;
  private chart = new UplotHost(this, 300, '.chart');

  constructor() {
    super();
    this._range = 24;
    this._error = '';
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('entityId') || changed.has('_range')) void this.load();
  }

  private async load() {
    const id = this.entityId;
    const end = new Date();
    const start = new Date(end.getTime() - this._range * 3600_000);
    const span = { start: start.toISOString(), end: end.toISOString() };
    this._error = '';
    try {
      const [history, hour, day, log] = await Promise.all([
        this.api.history(id, { ...span, points: 500 }),
        this.api.statistics(id, { period: '1h', ...span }).catch(() => ({ rows: [] })),
        this.api.statistics(id, { period: '1d', start: new Date(end.getTime() - 30 * 86400_000).toISOString(), end: span.end }).catch(() => ({ rows: [] })),
        this.api.logbook({ entity: id, limit: 50 }).then((p) => p.entries, () => []),
      ]);
      this._stats = { hour: hour.rows, day: day.rows };
      this._log = log;
      await this.updateComplete;
      const seconds: [number, number] = [start.getTime() / 1000, end.getTime() / 1000];
      if (history.series) this.drawClimate(history.series, seconds);
      else this.draw(history.points, hour.rows, seconds);
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private draw(points: HistoryPoint[], hourly: StatisticsRow[], span: [number, number]) {
    const numeric = points.every((p) => typeof p[1] === 'number' || p[1] === null);
    const xs = points.map((p) => p[0] / 1000);
    const ys = points.map((p) => (numeric ? (p[1] as number | null) : p[1] === 'on' || p[1] === 'open' ? 1 : 0));
    const accent = getComputedStyle(this).getPropertyValue('--accent').trim() || '#ad4c16';
    const { muted, grid } = axisStyle(this);
    const band = hourly.length > 1 && numeric;
    const bx = hourly.map((r) => Date.parse(r.start) / 1000);
    // Band series live on their own x; uPlot.join aligns them with the raw points.
    const data = band ? uPlot.join([[xs, ys], [bx, hourly.map((r) => r.min)], [bx, hourly.map((r) => r.max)]] as uPlot.AlignedData[]) : ([xs, ys] as uPlot.AlignedData);
    const unit = typeof this.entity?.attributes.unit === 'string' ? this.entity.attributes.unit : '';
    this.mount({
      cursor: { drag: { x: true, y: false } },
      // With fewer than two points uPlot would invent years of axis; show the requested span.
      scales: { x: { time: true, ...(points.length < 2 && { range: span }) }, ...(!numeric && { y: { range: [-0.1, 1.1] } }) },
      axes: [{ stroke: muted, grid }, { stroke: muted, grid, ...(!numeric && { splits: () => [0, 1] }), values: (_u, v) => v.map((x) => (numeric ? formatNumber(x, unit) : x ? 'on' : 'off')) }],
      series: [
        {},
        { label: this.entity?.name ?? this.entityId, stroke: accent, width: 2, spanGaps: true, ...(numeric ? {} : { paths: uPlot.paths.stepped!({ align: 1 }) }) },
        ...(band ? [{ label: 'min (1 h)', stroke: 'transparent', spanGaps: true }, { label: 'max (1 h)', stroke: 'transparent', spanGaps: true }] : []),
      ],
      ...(band && { bands: [{ series: [3, 2] as [number, number], fill: 'rgba(194,87,26,0.15)' }] }),
    }, data);
  }

  /** Current and target temperature as lines; heating as a shaded step on its own 0–1 scale behind them. */
  private drawClimate(series: NonNullable<HistoryResponse['series']>, span: [number, number]) {
    const accent = getComputedStyle(this).getPropertyValue('--accent').trim() || '#ad4c16';
    const { muted, grid } = axisStyle(this);
    const line = (points: HistoryPoint[]): uPlot.AlignedData => [points.map((p) => p[0] / 1000), points.map((p) => (typeof p[1] === 'number' ? p[1] : null))];
    // Heating holds until the next change, so its last state is drawn to the end of the span; unknown counts as not heating.
    const heating = [...series.heating, ...(series.heating.length ? [[span[1] * 1000, series.heating.at(-1)![1]] as HistoryPoint] : [])];
    const data = uPlot.join([line(series.current), line(series.target), [heating.map((p) => p[0] / 1000), heating.map((p) => (p[1] === 'on' ? 1 : 0))]]);
    this.mount({
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true, range: span }, heating: { range: [0, 1] } },
      axes: [{ stroke: muted, grid }, { stroke: muted, grid, size: 64, values: (_u, v) => v.map((x) => formatNumber(x, '°C')) }],
      series: [
        {},
        { label: msg('Current', { id: 'entity.current' }), stroke: accent, width: 2, spanGaps: true },
        { label: msg('Target', { id: 'entity.target' }), stroke: muted, width: 1.5, dash: [6, 4], spanGaps: true, paths: uPlot.paths.stepped!({ align: 1 }) },
        { label: msg('Heating', { id: 'entity.heating' }), scale: 'heating', stroke: 'transparent', fill: 'rgba(220,60,30,0.18)', spanGaps: true, paths: uPlot.paths.stepped!({ align: 1 }), value: (_u, v) => (v == null ? '' : stateWord('climate', v ? 'on' : 'off')) },
      ],
    }, data);
  }

  private mount(options: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData) {
    this.chart.draw((box, width) => {
      const u = new uPlot({ ...options, width, height: this.chart.height }, data, box);
      // Mouse-wheel zoom and shift-drag pan, on top of uPlot's drag-to-zoom.
      box.onwheel = (e) => {
        e.preventDefault();
        const { min = 0, max = 0 } = u.scales.x!;
        const at = u.posToVal(e.offsetX - u.bbox.left / devicePixelRatio, 'x');
        const f = e.deltaY < 0 ? 0.8 : 1.25;
        u.setScale('x', { min: at - (at - min) * f, max: at + (max - at) * f });
      };
      return u;
    });
  }


  private statsTable(rows: StatisticsRow[], caption: string, fmt: (r: StatisticsRow) => string) {
    const unit = typeof this.entity?.attributes.unit === 'string' ? this.entity.attributes.unit : this.entity?.domain === 'climate' ? '°C' : undefined;
    const n = (v: number) => formatNumber(v, unit);
    const duty = rows.some((r) => r.heatingHours !== undefined);
    return html`<div class="panel"><h3>${caption}</h3>${rows.length
      ? html`<table><thead><tr><th>${msg('Period', { id: 'alerts.period' })}</th><th>${msg('Mean', { id: 'entity.mean' })}</th><th>${msg('Min', { id: 'entity.min' })}</th><th>${msg('Max', { id: 'entity.max' })}</th>${duty ? html`<th>${msg('Heating', { id: 'entity.heating' })}</th>` : nothing}</tr></thead><tbody>
          ${rows.slice(-24).reverse().map((r) => html`<tr><td>${fmt(r)}</td><td>${n(r.mean)}</td><td>${n(r.min)}</td><td>${n(r.max)}</td>${duty ? html`<td>${formatNumber(r.heatingHours ?? 0, 'h')}</td>` : nothing}</tr>`)}</tbody></table>`
      : html`<p class="muted">${msg('No statistics yet.', { id: 'entity.no-stats' })}</p>`}</div>`;
  }

  override render() {
    const e = this.entity;
    return html`<div class="head">
        <div><h1>${e?.name ?? this.entityId}</h1><span class="muted">${e?.area ? `${titleCase(e.area)} · ` : ''}${this.entityId}</span></div>
        <span class="big">${e ? formatState(e) : ''}</span>
      </div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${e && e.domain !== 'sensor' && e.domain !== 'binary_sensor' ? html`<div class="control">${cardFor(e, { pending: this.pending, detail: true })}</div>` : nothing}
      ${e && FOLLOWERS.has(e.domain) ? html`<hearth-follow-picker class="control" .api=${this.api} .entityId=${this.entityId} .schedules=${this.schedules ?? []}></hearth-follow-picker>` : nothing}
      ${!e || CHARTED.has(e.domain) ? html`<div class="panel">
        <div class="row tabs" role="group" aria-label=${msg('Time range', { id: 'history.time-range' })}>${RANGES.map(([preset, h]) => html`<button aria-pressed=${this._range === h ? 'true' : 'false'} @click=${() => (this._range = h)}>${presetLabel(preset)}</button>`)}
          <span class="muted" style="font-size:0.85rem">${msg('Drag to zoom · wheel to zoom · double-click to reset', { id: 'entity.zoom-hint' })}</span>
          <a href=${`/history?e=${this.entityId}&range=7d`}>${msg('Compare in History', { id: 'entity.compare' })}</a></div>
        <div class="chart" aria-label=${msg('History chart', { id: 'entity.chart' })}></div>
      </div>` : nothing}
      ${this._stats && (typeof e?.state === 'number' || e?.domain === 'climate')
        ? html`<div class="grid">${this.statsTable(this._stats.hour, msg('By hour', { id: 'entity.by-hour' }), (r) => formatTime(r.start))}${this.statsTable(this._stats.day, msg('By day', { id: 'entity.by-day' }), (r) => new Date(r.start).toLocaleDateString(currentLocale()))}</div>`
        : nothing}
      <div class="panel" style="margin-top:1rem"><h3>${msg('Logbook', { id: 'nav.logbook' })}</h3><hearth-logbook-view compact .names=${this.names} .entries=${this._log && mergeEntries(this.live ?? [], this._log).slice(0, 50)}></hearth-logbook-view></div>`;
  }
}

customElements.define('hearth-entity-view', HearthEntityView);
