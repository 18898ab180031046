import { LitElement, css, html, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import type { AlertStats } from '../api/index.js';
import { SEVERITY_COLOURS, stackedHours } from '../lib/alerts.js';
import { axisStyle, UplotHost } from '../lib/uplot-host.js';
import { msg } from '../lib/i18n.js';

/** Alerts by hour of day as uPlot bars stacked by severity. */
export class HearthAlertsChart extends LitElement {
  static override properties = { stats: { attribute: false } };
  static override styles = [unsafeCSS(uplotCss), css`:host { display: block; } .box { min-height: 180px; }`];
  declare stats: AlertStats | undefined;
  private chart = new UplotHost(this, 180);

  override updated() {
    const stats = this.stats;
    if (!stats) return;
    this.chart.draw((box, width) => {
      const { order, data } = stackedHours(stats);
      const { muted, grid } = axisStyle(this);
      const bars = uPlot.paths.bars!({ size: [0.7, 40] });
      return new uPlot({
        width,
        height: this.chart.height,
        legend: { show: false },
        scales: { x: { time: false, range: [-0.5, 23.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          { stroke: muted, grid, ticks: grid, values: (_u, v) => v.map((h) => `${h}h`) },
          { stroke: muted, grid, ticks: grid, size: 36, values: (_u, v) => v.map((n) => (Number.isInteger(n) ? String(n) : '')) },
        ],
        series: [{}, ...order.map((s): uPlot.Series => ({ label: s, fill: SEVERITY_COLOURS[s], stroke: SEVERITY_COLOURS[s], paths: bars, points: { show: false } }))],
      }, data as uPlot.AlignedData, box);
    });
  }

  override render() {
    return html`<div class="box" role="img" aria-label=${msg('Alerts by hour of day, stacked by severity', { id: 'alerts.chart' })}></div>`;
  }
}
customElements.define('hearth-alerts-chart', HearthAlertsChart);
