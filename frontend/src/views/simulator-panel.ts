import { LitElement, css, html, nothing } from 'lit';
import type { HttpClient, SimLine } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { SCENARIOS, scenarioLines } from '../lib/scenarios.js';
import { controls } from '../styles/theme.js';
import { msg, str } from '../lib/i18n.js';

/** Drives the simulated board's input lines: ring the doorbell, open the door, walk through the hall. */
export class HearthSimulatorPanel extends LitElement {
  static override properties = { api: { attribute: false }, _lines: { state: true }, _error: { state: true } };
  static override styles = [
    controls,
    css`
      .lines { display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr)); }
      .line { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; padding: 0.6rem 0.8rem; border: 1px solid var(--border); border-radius: var(--radius-sm); }
      .level { font-variant-numeric: tabular-nums; font-weight: 700; }
      .level.high { color: var(--on); }
      h3 { margin: 1rem 0 0.5rem; font-size: 1rem; }
    `,
  ];
  declare api: HttpClient;
  declare _lines: SimLine[] | undefined;
  declare _error: string;
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.refresh();
    // Output levels change when automations act; a slow poll keeps the panel honest.
    this.timer = setInterval(() => void this.refresh(), 2000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async refresh() {
    try {
      this._lines = await this.api.simLines();
      this._error = '';
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async drive(line: number, value: 0 | 1) {
    try {
      await this.api.setSimLine(line, value);
      await this.refresh();
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async pulse(line: number, from: 0 | 1) {
    await this.drive(line, from === 1 ? 0 : 1);
    await new Promise((r) => setTimeout(r, 400));
    await this.drive(line, from);
  }

  override render() {
    if (this._error && !this._lines) return html`<div class="error" role="alert">${this._error}</div>`;
    if (!this._lines) return html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`;
    const inputs = this._lines.filter((l) => l.direction === 'in');
    const outputs = this._lines.filter((l) => l.direction === 'out');
    const scenarios = SCENARIOS.filter((s) => scenarioLines(s, inputs).length);
    return html`<div class="panel">
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${scenarios.length
        ? html`<h3>${msg('Scenes', { id: 'sim.scenes' })}</h3><div class="row">${scenarios.map((s) => html`<button @click=${() => Promise.all(scenarioLines(s, inputs).map((l) => this.pulse(l.line, l.value)))}>${s.label()}</button>`)}</div>`
        : nothing}
      <h3>${msg('Inputs', { id: 'sim.inputs' })}</h3>
      <div class="lines">${inputs.map((l) => html`<div class="line">
        <span>${l.label ?? `GPIO ${l.line}`} <span class="level ${l.value ? 'high' : ''}" aria-label=${msg('level', { id: 'sim.level' })}>${l.value}</span></span>
        <span class="row">
          <button aria-label=${msg(str`Pulse line ${l.line}`, { id: 'sim.pulse-line' })} @click=${() => this.pulse(l.line, l.value)}>${msg('Pulse', { id: 'sim.pulse' })}</button>
          <button aria-label=${l.value ? msg(str`Set low: line ${l.line}`, { id: 'sim.set-low-line' }) : msg(str`Set high: line ${l.line}`, { id: 'sim.set-high-line' })} @click=${() => this.drive(l.line, l.value ? 0 : 1)}>${l.value ? msg('Set low', { id: 'sim.set-low' }) : msg('Set high', { id: 'sim.set-high' })}</button>
        </span></div>`)}</div>
      <h3>${msg('Outputs', { id: 'sim.outputs' })}</h3>
      <div class="lines">${outputs.map((l) => html`<div class="line"><span>${l.label ?? `GPIO ${l.line}`}</span><span class="level ${l.value ? 'high' : ''}">${l.value}</span></div>`)}</div>
    </div>`;
  }
}
customElements.define('hearth-simulator-panel', HearthSimulatorPanel);
