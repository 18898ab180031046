import { LitElement, css, html, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { formatNumber } from '../lib/format.js';
import type { TimeWindow } from '../lib/history-selection.js';
import { chartData, type Series } from '../lib/history-series.js';
import { axisStyle, UplotHost } from '../lib/uplot-host.js';
import { msg, str } from '../lib/i18n.js';

/** Line colours in pick order; the History view's legend and timelines use the same. */
export const PALETTE = ['#c2571a', '#2563eb', '#1f7a4d', '#9333ea', '#b42318', '#0e7490', '#a16207', '#be185d'];

export interface ZoomDetail {
  window: TimeWindow;
}

/**
 * One uPlot chart for the numeric series of one unit. Every chart of the view shares the time
 * axis: `window` comes down from the view, a drag-selection goes up as `hearth-history-zoom`,
 * and the cursor is synced across charts. Bands (min/max) only when the series carry them.
 */
export class HearthHistoryChart extends LitElement {
  static override properties = {
    series: { attribute: false }, unit: { type: String }, window: { attribute: false }, colours: { attribute: false }, shiftMs: { type: Number },
  };
  static override styles = [
    unsafeCSS(uplotCss),
    css`
      :host { display: block; }
      .box { min-height: 220px; }
      .unit { color: var(--muted); font-size: 0.8rem; }
    `,
  ];
  declare series: Series[];
  declare unit: string;
  declare window: TimeWindow;
  /** Colour of each entity id, given by the view so legends and lines agree. */
  declare colours: Map<string, string>;
  /** How far the previous period is moved forward to lie over the current one. */
  declare shiftMs: number;
  private chart = new UplotHost(this, 220);

  constructor() {
    super();
    this.series = [];
    this.unit = '';
    this.colours = new Map();
    this.shiftMs = 0;
  }

  override updated(changed: Map<string, unknown>) {
    const plot = this.chart.plot;
    if (changed.has('series') || changed.has('shiftMs') || !plot) this.chart.draw((box, width) => this.build(box, width));
    else if (changed.has('window')) plot.setScale('x', { min: this.window.start / 1000, max: this.window.end / 1000 });
  }

  private build(box: HTMLElement, width: number): uPlot {
    const { columns, data } = chartData(this.series, this.shiftMs);
    const { muted, grid } = axisStyle(this);
    const colour = (id: string) => this.colours.get(id) ?? PALETTE[0]!;
    const series: uPlot.Series[] = [{}, ...columns.map((c): uPlot.Series => {
      if (c.role !== 'value') return { stroke: 'transparent', spanGaps: true, points: { show: false } };
      if (c.period === 'previous') return { stroke: `${colour(c.entityId)}99`, width: 1.5, dash: [6, 4], spanGaps: true, points: { show: false } };
      // uPlot shows points where they are sparse, so a series of one reading is still visible.
      return { stroke: colour(c.entityId), width: 2, spanGaps: true };
    })];
    // uPlot series are 1-based (0 is x): each band lies between a series' max and its min.
    const bands = columns.flatMap((c, i) => (c.role === 'max' ? [{ series: [i + 1, i] as [number, number], fill: `${colour(c.entityId)}26` }] : []));
    const w = this.window;
    const plot = new uPlot({
      width,
      height: this.chart.height,
      legend: { show: false },
      cursor: { sync: { key: 'hearth-history' }, drag: { x: true, y: false, setScale: false } },
      scales: { x: { time: true, range: () => [this.window.start / 1000, this.window.end / 1000] } },
      axes: [
        { stroke: muted, grid, ticks: grid },
        { stroke: muted, grid, ticks: grid, size: 56, values: (_u, v) => v.map((x) => formatNumber(x, this.unit || undefined)) },
      ],
      series,
      bands,
      hooks: { setSelect: [(u) => this.selected(u)] },
    }, data as uPlot.AlignedData, box);
    plot.setScale('x', { min: w.start / 1000, max: w.end / 1000 });
    return plot;
  }

  /** A mouse drag across the chart zooms every chart to that span. */
  private selected(u: uPlot) {
    if (u.select.width < 2) return;
    const start = u.posToVal(u.select.left, 'x') * 1000;
    const end = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.dispatchEvent(new CustomEvent<ZoomDetail>('hearth-history-zoom', { detail: { window: { start, end } }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<div class="unit">${this.unit || msg('value', { id: 'history.value' })}</div><div class="box" role="img" aria-label=${this.unit ? msg(str`Chart in ${this.unit}`, { id: 'history.chart-in' }) : msg('Chart in plain numbers', { id: 'history.chart-plain' })}></div>`;
  }
}
customElements.define('hearth-history-chart', HearthHistoryChart);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-history-chart': HearthHistoryChart;
  }
  interface HTMLElementEventMap {
    'hearth-history-zoom': CustomEvent<ZoomDetail>;
  }
}
