import { LitElement, css, html, nothing } from 'lit';
import type { EntityState, HttpClient } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { msg, str } from '../lib/i18n.js';
import { formatTime, stateWord } from '../lib/format.js';
import {
  localInputValue, PRESETS, presetLabel, parseSelection, previousWindow, resolveWindow, selectionQuery, type HistorySelection, type TimeRange, type TimeWindow,
} from '../lib/history-selection.js';
import { buildCsv, groupByUnit, isNumeric, shifted, type Period, type Series } from '../lib/history-series.js';
import { panWindow, placement, segments, stateSlot, zoomWindow, type Segment } from '../lib/history-timeline.js';
import { controls } from '../styles/theme.js';
import { PALETTE } from './history-chart.js';
import './history-chart.js';
import { loadSeries } from './history-load.js';
import './history-picker.js';

const ENUM_COLOURS = ['#6d8fd8', '#d8a06d', '#7fbf8f', '#c58ad6', '#d87878', '#6dc3c8', '#c8b46d', '#d87bb0'];

function stateColour(state: string | null): string {
  if (state === null) return 'repeating-linear-gradient(45deg, var(--border) 0 4px, transparent 4px 8px)';
  if (state === 'on' || state === 'open') return 'var(--on)';
  if (state === 'off' || state === 'closed') return 'color-mix(in srgb, var(--muted) 30%, transparent)';
  return ENUM_COLOURS[stateSlot(state)]!;
}

/**
 * History (lazy-loaded with uPlot): several entities over one range, numbers as charts that
 * share the time axis (one per unit), states as timelines under them. The selection lives in
 * the URL; zoom and pan (drag, wheel, or one and two fingers) change only what is shown.
 */
export class HearthHistoryView extends LitElement {
  static override properties = {
    api: { attribute: false }, entities: { attribute: false }, query: { type: String },
    _sel: { state: true }, _bounds: { state: true }, _view: { state: true }, _series: { state: true }, _error: { state: true }, _custom: { state: true },
  };
  static override styles = [
    controls,
    css`
      .controls { display: grid; gap: 0.8rem; margin: 1rem 0; }
      .tabs button[aria-pressed='true'] { background: var(--accent-soft); color: var(--accent); border-color: var(--accent); }
      .plots { display: grid; gap: 1rem; touch-action: pan-y; user-select: none; }
      .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; font-size: 0.85rem; margin-top: 0.3rem; }
      .swatch { width: 0.8rem; height: 0.25rem; display: inline-block; vertical-align: middle; margin-right: 0.3rem; }
      .timeline { display: grid; gap: 0.2rem; margin-bottom: 0.7rem; font-size: 0.85rem; }
      .bar { position: relative; height: 1.6rem; border-radius: 6px; overflow: hidden; background: var(--bg); border: 1px solid var(--border); }
      .bar span { position: absolute; top: 0; bottom: 0; }
      .bar.previous { height: 0.9rem; opacity: 0.45; }
      .bar.previous span.wide::after { content: none; }
      .bar span.wide::after { content: attr(data-state); position: absolute; inset: 0.2rem 0.3rem; font-size: 0.75rem; overflow: hidden; white-space: nowrap; color: #1b1f24; }
      .bar span[data-state='off']::after, .bar span[data-state='closed']::after { color: var(--text); }
      .axis { display: flex; justify-content: space-between; color: var(--muted); font-size: 0.8rem; }
      .custom { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; }
    `,
  ];
  declare api: HttpClient;
  declare entities: EntityState[];
  /** `location.search` as the shell saw it: a new one (a link, back) replaces the selection. */
  declare query: string;
  declare _sel: HistorySelection;
  /** The loaded range, and the part of it shown after zooming. */
  declare _bounds: TimeWindow | undefined;
  declare _view: TimeWindow | undefined;
  declare _series: Series[] | undefined;
  declare _error: string;
  declare _custom: boolean;
  private loadedKey = '';
  private loads = 0;
  private touches = new Map<number, number>();

  constructor() {
    super();
    this.entities = [];
    this.query = '';
    this._sel = parseSelection('');
    this._error = '';
    this._custom = false;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('query') && this.query !== selectionQuery(this._sel)) this._sel = parseSelection(this.query);
    const known = this._sel.entities.filter((id) => this.entities.some((e) => e.id === id));
    const key = JSON.stringify([known, this._sel.range, this._sel.compare]);
    if (key !== this.loadedKey && (known.length || !this._sel.entities.length)) {
      this.loadedKey = key;
      void this.load(known);
    }
  }

  /** `data-ready` once the series are in and every chart has drawn them (tests and bench/dashboard wait for it). */
  override updated() {
    const ready = () => this._series !== undefined && this._error === '' && this._sel.entities.length > 0;
    if (!ready()) return this.removeAttribute('data-ready');
    const charts = [...this.renderRoot.querySelectorAll('hearth-history-chart')];
    void Promise.all(charts.map((c) => c.updateComplete)).then(() => this.toggleAttribute('data-ready', ready()));
  }

  private select(patch: Partial<HistorySelection>) {
    this._sel = { ...this._sel, ...patch };
    history.replaceState(null, '', `/history${selectionQuery(this._sel)}`);
  }

  private async load(ids: string[]) {
    const load = ++this.loads;
    const w = resolveWindow(this._sel.range, Date.now());
    this._series = undefined;
    this._error = '';
    this.removeAttribute('data-ready');
    const picked = ids.map((id) => this.entities.find((e) => e.id === id)!);
    try {
      const series = await loadSeries(this.api, picked, w, this._sel.compare);
      if (load !== this.loads) return;
      this._bounds = w;
      this._view = w;
      this._series = series;
    } catch (err) {
      if (load === this.loads) this._error = errorText(err);
    }
  }

  /** How far the previous period is moved forward to lie over the loaded one. */
  private shift(): number {
    return this._bounds ? this._bounds.start - previousWindow(this._bounds).start : 0;
  }

  /** The CSV of what is shown: the zoomed span when zoomed, else the loaded range. */
  private exportCsv() {
    const shown = this._view ?? this._bounds;
    if (!this._series || !shown) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([buildCsv(this._series, shown, this.shift())], { type: 'text/csv' }));
    a.download = `hearth-history-${new Date(shown.start).toISOString().slice(0, 16)}.csv`.replace(/:/g, '-');
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private zoomTo(w: TimeWindow) {
    if (this._bounds) this._view = zoomWindow(w, 0.5, 1, this._bounds);
  }

  /** Wheel zooms around the pointer. */
  private wheel(e: WheelEvent) {
    if (!this._view || !this._bounds) return;
    e.preventDefault();
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    this._view = zoomWindow(this._view, (e.clientX - box.left) / box.width, e.deltaY < 0 ? 0.8 : 1.25, this._bounds);
  }

  /** One finger pans, two pinch-zoom around their middle; the page still scrolls vertically (touch-action: pan-y). */
  private pointer(e: PointerEvent) {
    if (e.pointerType !== 'touch' || !this._view || !this._bounds) return;
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    if (e.type === 'pointerdown') this.touches.set(e.pointerId, e.clientX);
    else if (e.type !== 'pointermove') this.touches.delete(e.pointerId);
    if (e.type !== 'pointermove' || !this.touches.has(e.pointerId)) return;
    const before = [...this.touches.values()];
    this.touches.set(e.pointerId, e.clientX);
    const after = [...this.touches.values()];
    if (after.length === 1) this._view = panWindow(this._view, (before[0]! - after[0]!) / box.width, this._bounds);
    else if (after.length === 2) {
      const spread = (xs: number[]) => Math.max(Math.abs(xs[0]! - xs[1]!), 1);
      const middle = ((after[0]! + after[1]!) / 2 - box.left) / box.width;
      this._view = zoomWindow(this._view, middle, spread(before) / spread(after), this._bounds);
    }
  }

  private rangeControls() {
    const range = this._sel.range;
    const w = resolveWindow(range, Date.now());
    const apply = (e: SubmitEvent) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      const start = new Date(String(data.get('start'))).getTime();
      const end = new Date(String(data.get('end'))).getTime();
      if (start < end) this.select({ range: { start, end } });
      else this._error = msg('The range must start before it ends', { id: 'history.range-order' });
    };
    const pressed = (r: TimeRange) => ('preset' in r && 'preset' in range ? r.preset === range.preset : false);
    return html`<div class="row tabs" role="group" aria-label=${msg('Time range', { id: 'history.time-range' })}>
        ${PRESETS.map((preset) => html`<button aria-pressed=${pressed({ preset }) ? 'true' : 'false'} @click=${() => ((this._custom = false), this.select({ range: { preset } }))}>${presetLabel(preset)}</button>`)}
        <button aria-pressed=${this._custom || !('preset' in range) ? 'true' : 'false'} @click=${() => (this._custom = !this._custom)}>${msg('Custom', { id: 'history.custom' })}</button>
      </div>
      ${this._custom ? html`<form class="custom" @submit=${apply}>
          <label>${msg('From', { id: 'common.from' })} <input type="datetime-local" name="start" required .value=${localInputValue(w.start)} /></label>
          <label>${msg('To', { id: 'common.to' })} <input type="datetime-local" name="end" required .value=${localInputValue(w.end)} /></label>
          <button class="primary" type="submit">${msg('Apply', { id: 'common.apply' })}</button></form>` : nothing}
      <div class="row">
        <label class="row" style="color:var(--text)"><input type="checkbox" .checked=${this._sel.compare} @change=${(e: Event) => this.select({ compare: (e.target as HTMLInputElement).checked })} />
          ${msg('Compare with the previous period', { id: 'history.compare' })}</label>
        <button @click=${() => this.exportCsv()} ?disabled=${!this._series?.length}>${msg('Export CSV', { id: 'history.export-csv' })}</button>
        ${this._view && this._bounds && (this._view.start !== this._bounds.start || this._view.end !== this._bounds.end)
          ? html`<button @click=${() => (this._view = this._bounds)}>${msg('Reset zoom', { id: 'history.reset-zoom' })}</button>` : nothing}
      </div>`;
  }

  private plots(colours: Map<string, string>) {
    const series = this._series ?? [];
    const w = this._view!;
    const byId = new Map(this.entities.map((e) => [e.id, e]));
    const picked = this._sel.entities.map((id) => byId.get(id)).filter((e): e is EntityState => e !== undefined);
    const shift = this.shift();
    const charts = groupByUnit(picked.filter(isNumeric));
    const states = picked.filter((e) => !isNumeric(e));
    return html`<div class="plots" @wheel=${(e: WheelEvent) => this.wheel(e)} @dblclick=${() => (this._view = this._bounds)}
        @pointerdown=${(e: PointerEvent) => this.pointer(e)} @pointermove=${(e: PointerEvent) => this.pointer(e)}
        @pointerup=${(e: PointerEvent) => this.pointer(e)} @pointercancel=${(e: PointerEvent) => this.pointer(e)}
        @hearth-history-zoom=${(e: CustomEvent<{ window: TimeWindow }>) => this.zoomTo(e.detail.window)}>
      ${charts.map((c) => html`<div class="panel">
        <hearth-history-chart .series=${series.filter((s) => c.ids.includes(s.entityId))} .unit=${c.unit} .window=${w} .colours=${colours} .shiftMs=${shift}></hearth-history-chart>
        <div class="legend">${c.ids.map((id) => html`<span><span class="swatch" style=${`background:${colours.get(id)}`}></span>${byId.get(id)?.name ?? id}</span>`)}
          ${this._sel.compare ? html`<span class="muted">${msg('dashed: the period before', { id: 'history.dashed' })}</span>` : nothing}</div>
      </div>`)}
      ${states.length ? html`<div class="panel">${states.map((e) => {
        const rows = series.filter((s) => s.entityId === e.id);
        return html`<div class="timeline" data-entity=${e.id}><span>${e.name}</span>
          ${rows.map((s) => this.bar(s.period === 'previous' ? msg(str`${e.name}, the period before`, { id: 'history.previous-row' }) : e.name, s.period, segments(shifted(s, shift), w), w))}
          </div>`;
      })}
        ${this._sel.compare ? html`<span class="muted legend">${msg('faded: the period before', { id: 'history.previous-legend' })}</span>` : nothing}
        <div class="axis"><span>${formatTime(w.start)}</span><span>${formatTime(w.end)}</span></div></div>` : nothing}
    </div>`;
  }

  /** One timeline row; a previous period's row is faded and its times are those it was recorded at. */
  private bar(label: string, period: Period, segs: Segment[], w: TimeWindow) {
    const back = period === 'previous' ? this.shift() : 0;
    return html`<div class=${`bar ${period}`} role="img" aria-label=${msg(str`${label}: ${segs.length} periods`, { id: 'history.periods' })}>${segs.map((seg) => {
      const at = placement(seg, w);
      return at ? html`<span class=${at.width > 12 ? 'wide' : ''} data-state=${seg.state ?? 'unknown'} title=${`${seg.state === null ? msg('Unknown', { id: 'state.unknown' }) : stateWord('', seg.state)}: ${formatTime(seg.from - back)} – ${formatTime(seg.to - back)}`}
        style=${`left:${at.left}%;width:${at.width}%;background:${stateColour(seg.state)}`}></span>` : nothing;
    })}</div>`;
  }

  override render() {
    const colours = new Map(this._sel.entities.map((id, i) => [id, PALETTE[i % PALETTE.length]!]));
    return html`<div class="panel"><hearth-history-picker .entities=${this.entities} .selected=${this._sel.entities} .colours=${colours}
        @hearth-history-pick=${(e: CustomEvent<{ entities: string[] }>) => this.select({ entities: e.detail.entities })}></hearth-history-picker></div>
      <div class="controls">${this.rangeControls()}</div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${!this._sel.entities.length ? nothing : this._series && this._view ? this.plots(colours) : html`<p class="muted" role="status">${msg('Loading…', { id: 'app.loading' })}</p>`}`;
  }
}
customElements.define('hearth-history-view', HearthHistoryView);
