import { LitElement, html, nothing } from 'lit';
import type { HttpClient, SignedInSession, User } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { formatRelative, formatTime } from '../lib/format.js';
import { msg, str } from '../lib/i18n.js';
import { describeUserAgent } from '../lib/user-agent.js';
import { controls } from '../styles/theme.js';

/**
 * Signed-in sessions with a sign-out button each: the user's own (Settings → Account) or,
 * for an admin, everyone's (Settings → People). The session of this browser has no button:
 * "Sign out" in the header ends it.
 */
export class HearthSessionsList extends LitElement {
  static override properties = { api: { attribute: false }, user: { attribute: false }, scope: { type: String }, _sessions: { state: true }, _error: { state: true } };
  static override styles = [controls];
  declare api: HttpClient;
  declare user: User;
  declare scope: 'mine' | 'all';
  declare _sessions: SignedInSession[] | undefined;
  declare _error: string;

  constructor() {
    super();
    this.scope = 'mine';
    this._error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      const all = await this.api.sessions();
      this._sessions = this.scope === 'mine' ? all.filter((s) => s.user.id === this.user.id) : all;
      this._error = '';
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async revoke(session: SignedInSession) {
    try {
      await this.api.revokeSession(session.id);
      await this.load();
    } catch (err) {
      this._error = errorText(err);
    }
  }

  override render() {
    const all = this.scope === 'all';
    const list = this._sessions;
    return html`${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${!list ? html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>` : html`<table>
        <thead><tr>${all ? html`<th>${msg('User', { id: 'settings.user' })}</th>` : nothing}<th>${msg('Device', { id: 'sessions.device' })}</th><th>${msg('Signed in', { id: 'sessions.signed-in' })}</th><th>${msg('Last seen', { id: 'sessions.last-seen' })}</th><th><span class="sr-only">${msg('Actions', { id: 'common.actions' })}</span></th></tr></thead>
        <tbody>${list.map((s) => {
          const device = describeUserAgent(s.userAgent);
          const who = s.user.displayName ?? s.user.username;
          return html`<tr data-session=${s.id}>${all ? html`<td>${who}</td>` : nothing}<td title=${s.userAgent ?? ''}>${device}</td>
            <td>${formatTime(s.createdAt)}</td><td>${formatRelative(s.lastSeenAt)}</td>
            <td>${s.current ? html`<span class="chip ok">${msg('This device', { id: 'sessions.this-device' })}</span>`
              : html`<button class="danger" aria-label=${all ? msg(str`Sign out ${who} on ${device}`, { id: 'sessions.sign-out-named' }) : msg(str`Sign out ${device}`, { id: 'sessions.sign-out-device' })}
                @click=${() => this.revoke(s)}>${msg('Sign out', { id: 'app.sign-out' })}</button>`}</td></tr>`;
        })}</tbody></table>`}`;
  }
}
customElements.define('hearth-sessions-list', HearthSessionsList);
