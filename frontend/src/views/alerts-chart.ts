import { LitElement, css, html, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import type { AlertStats } from '../api/index.js';
import { SEVERITY_COLOURS, stackedHours } from '../lib/alerts.js';

/** Alerts by hour of day as uPlot bars stacked by severity. */
export class HearthAlertsChart extends LitElement {
  static override properties = { stats: { attribute: false } };
  static override styles = [unsafeCSS(uplotCss), css`:host { display: block; } .box { min-height: 180px; }`];
  declare stats: AlertStats | undefined;
  private plot: uPlot | undefined;
  private resize = new ResizeObserver(() => this.plot?.setSize({ width: this.box()?.clientWidth ?? 300, height: 180 }));

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  private box() {
    return this.renderRoot.querySelector<HTMLElement>('.box');
  }

  override updated() {
    const box = this.box();
    if (!box || !this.stats) return;
    this.plot?.destroy();
    const { order, data } = stackedHours(this.stats);
    const muted = getComputedStyle(this).getPropertyValue('--muted').trim() || '#5c6570';
    const grid = { stroke: 'rgba(128,128,128,0.15)' };
    const bars = uPlot.paths.bars!({ size: [0.7, 40] });
    this.plot = new uPlot({
      width: box.clientWidth || 300,
      height: 180,
      legend: { show: false },
      scales: { x: { time: false, range: [-0.5, 23.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { stroke: muted, grid, ticks: grid, values: (_u, v) => v.map((h) => `${h}h`) },
        { stroke: muted, grid, ticks: grid, size: 36, values: (_u, v) => v.map((n) => (Number.isInteger(n) ? String(n) : '')) },
      ],
      series: [{}, ...order.map((s): uPlot.Series => ({ label: s, fill: SEVERITY_COLOURS[s], stroke: SEVERITY_COLOURS[s], paths: bars, points: { show: false } }))],
    }, data as uPlot.AlignedData, box);
    this.resize.observe(box);
  }

  override render() {
    return html`<div class="box" role="img" aria-label="Alerts by hour of day, stacked by severity"></div>`;
  }
}
customElements.define('hearth-alerts-chart', HearthAlertsChart);
