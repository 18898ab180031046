import { LitElement, css, html, nothing } from 'lit';
import type { Alert, AlertPage, AlertQuery, AlertStats, HttpClient, StatsPeriod } from '../api/index.js';
import { SEVERITY_COLOURS, SEVERITY_ORDER, severityWord } from '../lib/alerts.js';
import { errorText } from '../lib/errors.js';
import { formatRelative } from '../lib/format.js';
import { controls } from '../styles/theme.js';
import './alerts-chart.js';
import { msg, str } from '../lib/i18n.js';

type StatusFilter = NonNullable<AlertQuery['status']>;

/** The Alerts page: filtered list, acknowledge with a note, and the statistics chart. Reloads when `revision` moves (a live alert event). */
export class HearthAlertsView extends LitElement {
  static override properties = {
    api: { attribute: false }, revision: { type: Number }, now: { type: Number },
    _page: { state: true }, _more: { state: true }, _stats: { state: true }, _error: { state: true },
    _status: { state: true }, _severity: { state: true }, _period: { state: true }, _acking: { state: true },
  };
  static override styles = [
    controls,
    css`
      .filters { display: flex; flex-wrap: wrap; gap: 0.8rem; margin-bottom: 1rem; align-items: end; }
      label { display: grid; gap: 0.2rem; font-size: 0.85rem; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
      li { background: var(--surface); border: 1px solid var(--border); border-left: 6px solid var(--sev); border-radius: var(--radius-sm); padding: 0.7rem 0.9rem; display: grid; gap: 0.3rem; }
      .head { display: flex; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
      .title { font-weight: 600; }
      .meta { font-size: 0.85rem; }
      .ack { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
      .ack input { flex: 1 1 12rem; }
      section.stats { margin-top: 2rem; }
      .summary { display: flex; gap: 1rem; flex-wrap: wrap; margin: 0.5rem 0; }
      .dot { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%; margin-right: 0.3rem; vertical-align: baseline; }
    `,
  ];
  declare api: HttpClient;
  declare revision: number;
  declare now: number;
  declare _page: Alert[] | undefined;
  declare _more: number | undefined;
  declare _stats: AlertStats | undefined;
  declare _error: string;
  declare _status: StatusFilter;
  declare _severity: string;
  declare _period: StatsPeriod;
  /** The alert whose acknowledge form is open. */
  declare _acking: number | undefined;

  constructor() {
    super();
    this.revision = 0;
    this.now = Date.now();
    this._error = '';
    this._status = 'open';
    this._severity = '';
    this._period = 'week';
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('revision') || changed.has('_status') || changed.has('_severity')) void this.load();
    if (changed.has('revision') || changed.has('_period')) void this.loadStats();
  }

  private async load(before?: number) {
    try {
      const page: AlertPage = await this.api.alerts({ status: this._status, ...(this._severity && { severity: this._severity }), limit: 50, ...(before !== undefined && { before }) });
      this._page = before === undefined ? page.alerts : [...(this._page ?? []), ...page.alerts];
      this._more = page.next;
      this._error = '';
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async loadStats() {
    try {
      this._stats = await this.api.alertStats({ period: this._period });
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async acknowledge(alert: Alert, form: HTMLFormElement) {
    const note = new FormData(form).get('note')?.toString().trim();
    try {
      await this.api.acknowledgeAlert(alert.id, note || undefined);
      this._acking = undefined;
      await this.load();
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private item(a: Alert) {
    return html`<li style="--sev:${SEVERITY_COLOURS[a.severity]}" data-alert=${a.id}>
      <div class="head"><span class="chip">${severityWord(a.severity)}</span><span class="title">${a.title}</span>
        ${a.count > 1 ? html`<span class="muted">×${a.count}</span>` : nothing}</div>
      ${a.message ? html`<div>${a.message}</div>` : nothing}
      <div class="meta muted">${a.entityId ? html`${a.entityId} · ` : nothing}${a.source} · ${msg(str`raised ${formatRelative(a.raisedAt, this.now)}`, { id: 'alerts.raised' })}${a.count > 1 ? html` · ${msg(str`last ${formatRelative(a.lastSeenAt, this.now)}`, { id: 'alerts.last' })}` : nothing}</div>
      ${a.status === 'acknowledged'
        ? html`<div class="meta">${msg(str`Acknowledged by ${a.acknowledgedBy} ${formatRelative(a.acknowledgedAt!, this.now)}`, { id: 'alerts.acknowledged-by' })}${a.note ? html` — “${a.note}”` : nothing}</div>`
        : this._acking === a.id
          ? html`<form class="ack" @submit=${(e: SubmitEvent) => (e.preventDefault(), void this.acknowledge(a, e.target as HTMLFormElement))}>
              <input name="note" aria-label=${msg('Note', { id: 'alerts.note' })} placeholder=${msg('Note (optional)', { id: 'alerts.note-optional' })} maxlength="1000" />
              <button type="submit">${msg('Confirm', { id: 'common.confirm' })}</button><button type="button" @click=${() => (this._acking = undefined)}>${msg('Cancel', { id: 'common.cancel' })}</button></form>`
          : html`<div class="ack"><button @click=${() => (this._acking = a.id)}>${msg('Acknowledge', { id: 'alerts.acknowledge' })}</button></div>`}
    </li>`;
  }

  private statsSection() {
    const s = this._stats;
    return html`<section class="stats" aria-labelledby="alert-stats">
      <div class="filters"><h2 id="alert-stats" style="margin:0;flex:1">${msg('Statistics', { id: 'alerts.statistics' })}</h2>
        <label>${msg('Period', { id: 'alerts.period' })}<select @change=${(e: Event) => (this._period = (e.target as HTMLSelectElement).value as StatsPeriod)}>
          ${(['day', 'week', 'month'] as const).map((p) => html`<option value=${p} ?selected=${p === this._period}>${p === 'day' ? msg('Last day', { id: 'alerts.last-day' }) : p === 'week' ? msg('Last week', { id: 'alerts.last-week' }) : msg('Last month', { id: 'alerts.last-month' })}</option>`)}</select></label></div>
      ${s
        ? html`<div class="summary" data-testid="alert-summary"><strong>${s.total === 1 ? msg('1 alert', { id: 'alerts.one' }) : msg(str`${s.total} alerts`, { id: 'alerts.count' })}</strong>
            ${SEVERITY_ORDER.map((sev) => html`<span><span class="dot" style="background:${SEVERITY_COLOURS[sev]}"></span>${s.bySeverity[sev]} ${severityWord(sev)}</span>`)}</div>
          <hearth-alerts-chart .stats=${s}></hearth-alerts-chart>
          ${s.byEntity.length ? html`<h3>${msg('Most alerted', { id: 'alerts.most' })}</h3><ol>${s.byEntity.slice(0, 5).map((e) => html`<li style="border:0;padding:0;background:none">${e.entityId}: ${e.count}</li>`)}</ol>` : nothing}`
        : html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`}
    </section>`;
  }

  override render() {
    return html`${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="filters">
        <label>${msg('Status', { id: 'alerts.status' })}<select @change=${(e: Event) => (this._status = (e.target as HTMLSelectElement).value as StatusFilter)}>
          ${(['open', 'acknowledged', 'all'] as const).map((s) => html`<option value=${s} ?selected=${s === this._status}>${statusWord(s)}</option>`)}</select></label>
        <label>${msg('Severity', { id: 'alerts.severity' })}<select @change=${(e: Event) => (this._severity = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this._severity}>${msg('any', { id: 'alerts.any' })}</option>
          ${SEVERITY_ORDER.map((s) => html`<option value=${s} ?selected=${s === this._severity}>${severityWord(s)}</option>`)}</select></label>
      </div>
      ${this._page === undefined
        ? html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`
        : this._page.length
          ? html`<ul aria-label=${msg('Alerts', { id: 'nav.alerts' })}>${this._page.map((a) => this.item(a))}</ul>`
          : html`<p class="muted">${this._status === 'open' ? msg('No open alerts.', { id: 'alerts.none-open' }) : this._status === 'acknowledged' ? msg('No acknowledged alerts.', { id: 'alerts.none-acknowledged' }) : msg('No alerts.', { id: 'alerts.none' })}</p>`}
      ${this._more !== undefined ? html`<button @click=${() => void this.load(this._more)}>${msg('Older alerts', { id: 'alerts.older' })}</button>` : nothing}
      ${this.statsSection()}`;
  }
}
function statusWord(status: StatusFilter): string {
  return status === 'open' ? msg('open', { id: 'alerts.status-open' }) : status === 'acknowledged' ? msg('acknowledged', { id: 'alerts.status-acknowledged' }) : msg('all', { id: 'alerts.status-all' });
}

customElements.define('hearth-alerts-view', HearthAlertsView);
