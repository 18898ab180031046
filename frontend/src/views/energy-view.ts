import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/index.js';
import { energyApi, type EnergyReport, type EnergyRow, type MeterKind, type TariffComparison, type TempoCalendar } from '../api/energy.js';
import { changeRatio, consumptionOf, electricityByPeriod, formatMoney, PERIOD_COLOURS, periodLabel, SCALE_PERIOD, SCALES, scaleSpan, tariffLabel, type EnergyScale } from '../lib/energy.js';
import { currentLocale, msg, str } from '../lib/i18n.js';
import { errorText } from '../lib/errors.js';
import { formatNumber, formatState } from '../lib/format.js';
import { controls } from '../styles/theme.js';
import './energy-chart.js';
import './energy-tempo.js';

const UNITS: Record<MeterKind, string> = { electricity: 'kWh', water: 'm³', gas: 'm³' };
function kindWord(kind: MeterKind): string {
  if (kind === 'water') return msg('Water', { id: 'energy.water' });
  if (kind === 'gas') return msg('Gas', { id: 'energy.gas' });
  return msg('Electricity', { id: 'energy.electricity' });
}

function kindToday(kind: MeterKind): string {
  return kind === 'water' ? msg('Water today', { id: 'energy.water-today' }) : msg('Gas today', { id: 'energy.gas-today' });
}

function scaleWords(scale: EnergyScale): { button: string; previous: string; sameTime: string } {
  if (scale === 'day') return { button: msg('Day', { id: 'energy.scale.day' }), previous: msg('the day before', { id: 'energy.previous.day' }), sameTime: msg('the day before, to the same time', { id: 'energy.previous.day-partial' }) };
  if (scale === 'month') return { button: msg('Month', { id: 'energy.scale.month' }), previous: msg('the month before', { id: 'energy.previous.month' }), sameTime: msg('the month before, to the same day and time', { id: 'energy.previous.month-partial' }) };
  return { button: msg('Year', { id: 'energy.scale.year' }), previous: msg('the year before', { id: 'energy.previous.year' }), sameTime: msg('the year before, to the same date', { id: 'energy.previous.year-partial' }) };
}

interface Loaded {
  bars: EnergyReport;
  /** One row: the whole span shown, with the span before it and a year earlier. */
  whole: EnergyRow | undefined;
  today: EnergyRow | undefined;
  compare: TariffComparison;
  tempo: TempoCalendar | undefined;
}

/** The Energy page: power now, today, bars by hour/day/month coloured by tariff period, cost and comparisons, Tempo colours, water and gas. */
export class HearthEnergyView extends LitElement {
  static override properties = {
    api: { attribute: false }, entities: { attribute: false },
    _scale: { state: true }, _offset: { state: true }, _data: { state: true }, _error: { state: true },
  };
  static override styles = [
    controls,
    css`
      :host { display: block; }
      .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.7rem; margin-bottom: 1.2rem; }
      .tile { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius-sm); padding: 0.7rem 0.9rem; display: grid; gap: 0.15rem; min-width: 0; }
      .tile strong { font-size: 1.35rem; }
      .label, .muted { color: var(--muted); font-size: 0.85rem; }
      .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.6rem; }
      .bar h2 { flex: 1 1 100%; margin: 0; font-size: 1.05rem; }
      [aria-pressed='true'] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
      .legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
      .dot { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 3px; margin-right: 0.3rem; vertical-align: -1px; }
      section { margin: 1.2rem 0; }
      h3 { font-size: 1rem; margin: 0 0 0.5rem; }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      th, td { text-align: left; padding: 0.35rem 0.4rem; border-bottom: 1px solid var(--border); }
      td.num, th.num { text-align: right; white-space: nowrap; }
      .tag { font-size: 0.75rem; border: 1px solid var(--border); border-radius: 999px; padding: 0 0.4rem; margin-left: 0.3rem; white-space: nowrap; }
      .error { color: var(--danger); }
    `,
  ];
  declare api: { request<T>(method: string, path: string): Promise<T> };
  declare entities: readonly EntityState[];
  declare _scale: EnergyScale;
  declare _offset: number;
  declare _data: Loaded | undefined;
  declare _error: string;
  private loading = 0;

  constructor() {
    super();
    this.entities = [];
    this._scale = 'day';
    this._offset = 0;
    this._error = '';
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('api') || changed.has('_scale') || changed.has('_offset')) void this.load();
  }

  private async load() {
    if (!this.api) return;
    const ticket = ++this.loading;
    const energy = energyApi(this.api);
    const now = new Date();
    const { _scale: scale, _offset: offset } = this;
    const span = scaleSpan(scale, now, offset);
    const today = scaleSpan('day', now);
    const upToNow = new Date(Math.min(span.end.getTime(), now.getTime()));
    try {
      const [bars, whole, todayReport, compare, tempo] = await Promise.all([
        energy.report(SCALE_PERIOD[scale], span.start, span.end),
        energy.report(scale, span.start, span.end),
        energy.report('day', today.start, today.end),
        energy.compare(span.start, upToNow > span.start ? upToNow : span.end),
        energy.tempo(new Date(today.start.getTime() - 27 * 86_400_000), today.end),
      ]);
      if (ticket !== this.loading) return;
      const hasTempo = compare.options.some((o) => o.tariff === 'tempo');
      this._data = { bars, whole: whole.rows[0], today: todayReport.rows[0], compare, tempo: hasTempo ? tempo : undefined };
      this._error = '';
      this.dataset.ready = '';
      // which span the data shown is of, for tests waiting on a switch: `day:-1` is yesterday
      this.dataset.span = `${scale}:${offset}`;
    } catch (err) {
      if (ticket === this.loading) this._error = errorText(err);
    }
  }

  private money(value: number) {
    return formatMoney(value, this._data?.bars.currency ?? 'EUR');
  }

  private tiles(d: Loaded) {
    const billed = new Set(Object.entries(d.bars.meters).filter(([, m]) => m.billed).map(([id]) => id));
    const power = d.bars.power ? this.entities.find((e) => e.id === d.bars.power) : undefined;
    const today = d.today;
    const kinds = (['electricity', 'water', 'gas'] as const).filter((k) => Object.values(d.bars.meters).some((m) => m.kind === k));
    const vs = today && changeRatio(today.cost.total, today.previous.cost);
    return html`<div class="tiles">
      ${d.bars.power ? html`<div class="tile" data-tile="now"><span class="label">${msg('Now', { id: 'energy.now' })}</span><strong>${power ? formatState(power) : '—'}</strong></div>` : nothing}
      ${today ? html`<div class="tile" data-tile="today"><span class="label">${msg('Today', { id: 'energy.today' })}</span>
        <strong>${formatNumber(consumptionOf([today], 'electricity', billed), 'kWh')}</strong>
        <span>${this.money(today.cost.total)}</span>
        ${vs ? html`<span class="muted">${msg(str`${vs} vs yesterday at this time`, { id: 'energy.vs-yesterday' })}</span>` : nothing}</div>` : nothing}
      ${today ? kinds.filter((k) => k !== 'electricity').map((k) => html`<div class="tile" data-tile=${k}><span class="label">${kindToday(k)}</span>
        <strong>${formatNumber(consumptionOf([today], k, billed), UNITS[k])}</strong><span>${this.money(today.cost[k])}</span></div>`) : nothing}
    </div>`;
  }

  private heading(): string {
    const { start } = scaleSpan(this._scale, new Date(), this._offset);
    if (this._scale === 'day') return start.toLocaleDateString(currentLocale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    if (this._scale === 'month') return start.toLocaleDateString(currentLocale(), { month: 'long', year: 'numeric' });
    return String(start.getFullYear());
  }

  private chart(d: Loaded) {
    const billed = new Set(Object.entries(d.bars.meters).filter(([, m]) => m.billed).map(([id]) => id));
    const { periods, values } = electricityByPeriod(d.bars.rows, billed);
    const total = (p: string) => values.reduce((s, v) => s + (v[p] ?? 0), 0);
    const cost = (p: string) => d.bars.rows.reduce((s, r) => s + (r.cost.byPeriod[p] ?? 0), 0);
    return html`<hearth-energy-chart .rows=${d.bars.rows} .periods=${periods} .values=${values} .scale=${this._scale}></hearth-energy-chart>
      <div class="legend" aria-label=${msg('Tariff periods', { id: 'energy.periods' })}>${periods.map((p) => html`<span data-period=${p}><span class="dot" style="background:${PERIOD_COLOURS[p] ?? '#888'}"></span>${periodLabel(p)}:
        ${formatNumber(total(p), 'kWh')} · ${this.money(cost(p))}</span>`)}</div>`;
  }

  private summary(row: EnergyRow | undefined) {
    if (!row) return nothing;
    const previous = changeRatio(row.cost.total, row.previous.cost);
    const yearAgo = changeRatio(row.cost.total, row.yearAgo.cost);
    const kinds = (['water', 'gas'] as const).filter((k) => Object.values(row.meters).some((m) => m.kind === k));
    const words = scaleWords(this._scale);
    const total = this.money(row.cost.total);
    return html`<section data-section="cost"><h3>${row.partial ? msg(str`Cost so far: ${total}`, { id: 'energy.cost-so-far' }) : msg(str`Cost: ${total}`, { id: 'energy.cost' })}</h3>
      <table><tbody>
        <tr><td>${kindWord('electricity')}</td><td class="num">${this.money(row.cost.electricity)}</td></tr>
        ${kinds.map((k) => html`<tr><td>${kindWord(k)}</td><td class="num">${this.money(row.cost[k])}</td></tr>`)}
        <tr><td>${msg('Subscriptions', { id: 'energy.subscriptions' })}</td><td class="num">${this.money(row.cost.subscription)}</td></tr>
        <tr data-compare="previous"><td>${row.partial ? words.sameTime : words.previous}</td>
          <td class="num">${this.money(row.previous.cost)}${previous ? html` <span class="tag">${previous}</span>` : nothing}</td></tr>
        <tr data-compare="year"><td>${msg('A year earlier', { id: 'energy.year-earlier' })}</td><td class="num">${row.yearAgo.cost > 0 ? html`${this.money(row.yearAgo.cost)}${yearAgo ? html` <span class="tag">${yearAgo}</span>` : nothing}` : msg('nothing recorded', { id: 'energy.nothing-recorded' })}</td></tr>
      </tbody></table></section>`;
  }

  private comparison(c: TariffComparison) {
    if (c.options.length < 2) return nothing;
    const current = c.options.find((o) => o.tariff === c.current);
    const cheapest = c.options[0]!;
    return html`<section data-section="compare"><h3>${msg('Tariffs compared on this consumption', { id: 'energy.compare.title' })}</h3>
      <table><thead><tr><th>${msg('Option', { id: 'energy.compare.option' })}</th><th class="num">${msg('Energy', { id: 'nav.energy' })}</th><th class="num">${msg('Total', { id: 'energy.compare.total' })}</th></tr></thead><tbody>
        ${c.options.map((o) => html`<tr data-tariff=${o.tariff}><td>${tariffLabel(o.tariff)}${o.tariff === c.current ? html`<span class="tag">${msg('yours', { id: 'energy.compare.yours' })}</span>` : nothing}${
          o === cheapest ? html`<span class="tag">${msg('cheapest', { id: 'energy.compare.cheapest' })}</span>` : nothing}</td><td class="num">${this.money(o.energy)}</td><td class="num">${this.money(o.total)}</td></tr>`)}
      </tbody></table>
      ${current && current !== cheapest && cheapest.total < current.total
        ? html`<p class="muted">${msg(str`${tariffLabel(cheapest.tariff)} would have cost ${this.money(current.total - cheapest.total)} less.`, { id: 'energy.compare.saving' })}</p>`
        : nothing}</section>`;
  }

  override render() {
    const d = this._data;
    return html`${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${d ? this.tiles(d) : html`<p class="muted" role="status">${msg('Loading…', { id: 'app.loading' })}</p>`}
      <div class="bar">
        <h2>${this.heading()}</h2>
        <div role="group" aria-label=${msg('Show by', { id: 'energy.show-by' })}>${SCALES.map((s) => html`<button aria-pressed=${s === this._scale ? 'true' : 'false'} @click=${() => { this._scale = s; this._offset = 0; }}>${scaleWords(s).button}</button>`)}</div>
        <button aria-label=${msg('Earlier', { id: 'energy.earlier' })} @click=${() => this._offset--}>‹</button>
        <button aria-label=${msg('Later', { id: 'energy.later' })} ?disabled=${this._offset >= 0} @click=${() => this._offset++}>›</button>
      </div>
      ${d ? html`${this.chart(d)}${this.summary(d.whole)}${this.comparison(d.compare)}
        ${d.tempo ? html`<section data-section="tempo"><h3>${msg('Tempo days', { id: 'energy.tempo.title' })}</h3><hearth-energy-tempo .calendar=${d.tempo}></hearth-energy-tempo></section>` : nothing}` : nothing}`;
  }
}
customElements.define('hearth-energy-view', HearthEnergyView);
