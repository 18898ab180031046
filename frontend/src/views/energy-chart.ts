import { LitElement, css, html, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import type { EnergyRow } from '../api/energy.js';
import { PERIOD_COLOURS, periodLabel, stackedBars, type EnergyScale } from '../lib/energy.js';
import { currentLocale, msg } from '../lib/i18n.js';

/** Electricity per hour, day or month as uPlot bars stacked by tariff period, coloured by period. */
export class HearthEnergyChart extends LitElement {
  static override properties = { rows: { attribute: false }, periods: { attribute: false }, values: { attribute: false }, scale: {} };
  static override styles = [unsafeCSS(uplotCss), css`:host { display: block; } .box { min-height: 200px; }`];
  declare rows: readonly EnergyRow[];
  declare periods: readonly string[];
  declare values: readonly Record<string, number>[];
  declare scale: EnergyScale;
  private plot: uPlot | undefined;
  private resize = new ResizeObserver(() => this.plot?.setSize({ width: this.box()?.clientWidth ?? 300, height: 200 }));

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  private box() {
    return this.renderRoot.querySelector<HTMLElement>('.box');
  }

  private label(index: number): string {
    const d = new Date(this.rows[index]?.start ?? 0);
    if (this.scale === 'day') return `${d.getHours()}h`;
    if (this.scale === 'month') return String(d.getDate());
    return d.toLocaleDateString(currentLocale(), { month: 'short' });
  }

  override updated() {
    const box = this.box();
    if (!box || !this.rows) return;
    this.plot?.destroy();
    const xs = this.rows.map((_, i) => i);
    const muted = getComputedStyle(this).getPropertyValue('--muted').trim() || '#5c6570';
    const grid = { stroke: 'rgba(128,128,128,0.15)' };
    const bars = uPlot.paths.bars!({ size: [0.75, 40] });
    this.plot = new uPlot({
      width: box.clientWidth || 300,
      height: 200,
      legend: { show: false },
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, xs.length - 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(0.1, max)] } },
      axes: [
        { stroke: muted, grid, ticks: grid, values: (_u, v) => v.map((i) => (Number.isInteger(i) && i >= 0 && i < xs.length ? this.label(i) : '')) },
        { stroke: muted, grid, ticks: grid, size: 44, values: (_u, v) => v.map((n) => `${n}`) },
      ],
      series: [{}, ...this.periods.map((p): uPlot.Series => ({ label: periodLabel(p), fill: PERIOD_COLOURS[p] ?? '#888', stroke: PERIOD_COLOURS[p] ?? '#888', paths: bars, points: { show: false } }))],
    }, stackedBars(xs, this.periods, this.values) as uPlot.AlignedData, box);
    this.resize.observe(box);
  }

  override render() {
    const label = { day: msg('Electricity in kWh by hour, coloured by tariff period', { id: 'energy.chart.by-hour' }), month: msg('Electricity in kWh by day, coloured by tariff period', { id: 'energy.chart.by-day' }), year: msg('Electricity in kWh by month, coloured by tariff period', { id: 'energy.chart.by-month' }) }[this.scale];
    return html`<div class="box" role="img" aria-label=${label}></div>`;
  }
}
customElements.define('hearth-energy-chart', HearthEnergyChart);
