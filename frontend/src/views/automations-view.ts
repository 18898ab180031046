import { LitElement, css, html, nothing } from 'lit';
import type { Automation, HttpClient, User } from '../api/index.js';
import { describeTrigger } from '../lib/automation-form.js';
import { errorText } from '../lib/errors.js';
import { formatRelative } from '../lib/format.js';
import { controls } from '../styles/theme.js';
import { msg, str } from '../lib/i18n.js';

/** The automation list: what each does, an enable toggle, when it last ran. */
export class HearthAutomationsView extends LitElement {
  static override properties = { api: { attribute: false }, user: { attribute: false }, _list: { state: true }, _error: { state: true } };
  static override styles = [
    controls,
    css`
      .top { display: flex; justify-content: space-between; align-items: center; margin-bottom: 1rem; gap: 1rem; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
      li { display: grid; grid-template-columns: 1fr auto; gap: 0.3rem 1rem; align-items: center; }
      a { color: inherit; text-decoration: none; font-weight: 600; }
      a:hover { text-decoration: underline; }
      a.new { background: var(--accent); color: var(--accent-text); padding: 0.55rem 1rem; border-radius: var(--radius-sm); }
      .desc { grid-column: 1; font-size: 0.88rem; }
      input[type='checkbox'] { width: 22px; height: 22px; min-height: 0; accent-color: var(--accent); }
    `,
  ];
  declare api: HttpClient;
  declare user: User;
  declare _list: Automation[] | undefined;
  declare _error: string;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this._list = await this.api.automations();
      this._error = '';
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async toggle(a: Automation, enabled: boolean) {
    try {
      await this.api.setAutomationEnabled(a.id, enabled);
    } catch (err) {
      this._error = `${a.name ?? a.id}: ${errorText(err)}`;
    }
    await this.load();
  }

  override render() {
    const admin = this.user.role !== 'member';
    const or = msg(' or ', { id: 'automations.or' });
    return html`<div class="top"><h1>${msg('Automations', { id: 'nav.automations' })}</h1>${admin ? html`<a class="new" href="/automations/new">${msg('New automation', { id: 'automations.new' })}</a>` : nothing}</div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${!this._list ? html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>` : this._list.length === 0
        ? html`<div class="panel"><p>${msg('No automations yet.', { id: 'automations.empty' })}</p><p class="muted">${msg('Start with a simple rule: “when the hall is dark and someone moves, turn on the light”.', { id: 'automations.empty-hint' })}</p></div>`
        : html`<ul>${this._list.map((a) => html`<li class="panel">
            <a href="/automations/${encodeURIComponent(a.id)}">${a.name ?? a.id}</a>
            <input type="checkbox" aria-label=${msg(str`Enable ${a.name ?? a.id}`, { id: 'automations.enable' })} .checked=${a.enabled !== false} ?disabled=${!admin}
              @change=${(e: Event) => this.toggle(a, (e.target as HTMLInputElement).checked)} />
            <span class="desc muted">${msg(str`When ${a.triggers.map(describeTrigger).join(or)}`, { id: 'automations.when' })} · ${a.lastRun ? msg(str`last ran ${formatRelative(a.lastRun)}`, { id: 'automations.last-ran' }) : msg('never ran', { id: 'automations.never-ran' })}</span>
          </li>`)}</ul>`}`;
  }
}
customElements.define('hearth-automations-view', HearthAutomationsView);
