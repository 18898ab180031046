import { LitElement, css, html, nothing } from 'lit';
import type { CreatedInvitation, HttpClient, Invitation, Role, User } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { formatTime } from '../lib/format.js';
import { msg, str } from '../lib/i18n.js';
import { roleWord } from '../lib/roles.js';
import { controls } from '../styles/theme.js';
import './sessions-list.js';

const EXPIRY_DAYS = [1, 3, 7, 30];

function statusWord(status: Invitation['status']): string {
  return status === 'pending' ? msg('Waiting', { id: 'people.status-pending' }) : status === 'used' ? msg('Used', { id: 'people.status-used' }) : msg('Expired', { id: 'people.status-expired' });
}


/**
 * Settings → People, for admins: invitations (create, copy the link and code shown once,
 * revoke) and everyone's sessions. The users table sits above it in the settings view.
 */
export class HearthPeopleSettings extends LitElement {
  static override properties = {
    api: { attribute: false }, user: { attribute: false },
    _invitations: { state: true }, _created: { state: true }, _copied: { state: true }, _error: { state: true },
  };
  static override styles = [
    controls,
    css`
      section { margin-top: 0.8rem; }
      h3 { margin-top: 0; }
      .created { display: grid; gap: 0.5rem; margin: 0.8rem 0; padding: 0.8rem; border-radius: var(--radius-sm); background: var(--accent-soft); }
      .created input { width: 100%; font-family: ui-monospace, monospace; }
      .created .code { font-size: 1.3rem; letter-spacing: 0.12em; max-width: 14ch; }
      .copy { display: grid; grid-template-columns: 1fr auto; gap: 0.4rem; align-items: end; }
    `,
  ];
  declare api: HttpClient;
  declare user: User;
  declare _invitations: Invitation[] | undefined;
  declare _created: CreatedInvitation | undefined;
  declare _copied: string;
  declare _error: string;

  constructor() {
    super();
    this._copied = '';
    this._error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.act(async () => {});
  }

  private async act(task: () => Promise<void>) {
    this._error = '';
    try {
      await task();
      this._invitations = await this.api.invitations();
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private create(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    void this.act(async () => {
      this._copied = '';
      this._created = await this.api.createInvitation(f.get('role') as Role, Number(f.get('expires')));
    });
  }

  /** The link on the address this dashboard is open at: the one the admin knows the invitee can reach. */
  private link(created: CreatedInvitation): string {
    return new URL(`/invite/${encodeURIComponent(created.code)}`, location.origin).href;
  }

  /** Clipboard API where the page is a secure context (https, localhost); on a plain-http LAN address, select and copy. */
  private async copy(what: 'link' | 'code', input: HTMLInputElement | null) {
    try {
      if (navigator.clipboard && isSecureContext) await navigator.clipboard.writeText(input?.value ?? '');
      else {
        input?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      this._copied = what === 'link' ? msg('Link copied.', { id: 'people.link-copied' }) : msg('Code copied.', { id: 'people.code-copied' });
    } catch {
      input?.select();
      this._copied = msg('Selected: press Ctrl+C (or ⌘C) to copy it.', { id: 'people.copy-by-hand' });
    }
  }

  private created(created: CreatedInvitation) {
    const field = (name: string) => this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`);
    return html`<div class="created" role="status" aria-live="polite">
      <strong>${msg(str`Invitation created (${roleWord(created.role)}, until ${formatTime(created.expiresAt)}).`, { id: 'people.created' })}</strong>
      <span>${msg(str`Send the link, or give the code to type at ${new URL('/invite', location.origin).href}. Both are shown only now.`, { id: 'people.created-hint' })}</span>
      <div class="copy"><label>${msg('Link', { id: 'people.link' })} <input name="invite-link" readonly .value=${this.link(created)} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} /></label>
        <button type="button" @click=${() => this.copy('link', field('invite-link'))}>${msg('Copy link', { id: 'people.copy-link' })}</button></div>
      <div class="copy"><label>${msg('Code', { id: 'people.code' })} <input class="code" name="invite-code" readonly .value=${created.code} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} /></label>
        <button type="button" @click=${() => this.copy('code', field('invite-code'))}>${msg('Copy code', { id: 'people.copy-code' })}</button></div>
      ${this._copied ? html`<span>${this._copied}</span>` : nothing}
    </div>`;
  }

  private invitations() {
    const roles: Role[] = this.user.role === 'owner' ? ['member', 'admin', 'owner'] : ['member', 'admin'];
    const list = this._invitations;
    return html`<section class="panel" aria-labelledby="invitations-title">
      <h3 id="invitations-title">${msg('Invitations', { id: 'people.invitations' })}</h3>
      <p class="muted">${msg('An invitation lets someone choose their own username and password. It works once, until it expires.', { id: 'people.invitations-hint' })}</p>
      <form class="row" @submit=${this.create}>
        <label>${msg('Role', { id: 'settings.role' })} <select name="role">${roles.map((r) => html`<option value=${r}>${roleWord(r)}</option>`)}</select></label>
        <label>${msg('Valid for', { id: 'people.valid-for' })} <select name="expires">${EXPIRY_DAYS.map((days) => html`<option value=${days * 24} ?selected=${days === 3}>${days === 1 ? msg('1 day', { id: 'people.one-day' }) : msg(str`${days} days`, { id: 'people.days' })}</option>`)}</select></label>
        <button class="primary" type="submit" style="align-self:end">${msg('Create invitation', { id: 'people.create' })}</button>
      </form>
      ${this._created ? this.created(this._created) : nothing}
      ${!list ? html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>` : list.length === 0 ? html`<p class="muted">${msg('No invitations yet.', { id: 'people.none' })}</p>` : html`<table>
        <thead><tr><th>${msg('Role', { id: 'settings.role' })}</th><th>${msg('Status', { id: 'people.status' })}</th><th>${msg('Created', { id: 'people.created-at' })}</th><th>${msg('Expires', { id: 'people.expires' })}</th><th>${msg('Used by', { id: 'people.used-by' })}</th><th><span class="sr-only">${msg('Actions', { id: 'common.actions' })}</span></th></tr></thead>
        <tbody>${list.map((i) => html`<tr data-invitation=${i.id}><td>${roleWord(i.role)}</td>
          <td><span class="chip ${i.status === 'pending' ? 'ok' : ''}">${statusWord(i.status)}</span></td>
          <td>${formatTime(i.createdAt)}${i.createdBy ? html` <span class="muted">${msg(str`by ${i.createdBy}`, { id: 'people.created-by' })}</span>` : nothing}</td>
          <td>${formatTime(i.expiresAt)}</td><td>${i.usedBy ?? ''}</td>
          <td><button class="danger" @click=${() => this.act(() => this.api.revokeInvitation(i.id))}>${i.status === 'pending' ? msg('Revoke', { id: 'people.revoke' }) : msg('Remove', { id: 'common.remove' })}</button></td></tr>`)}</tbody></table>`}
    </section>`;
  }

  override render() {
    return html`${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${this.invitations()}
      <section class="panel" aria-labelledby="all-sessions-title">
        <h3 id="all-sessions-title">${msg('Signed-in sessions', { id: 'people.sessions' })}</h3>
        <hearth-sessions-list .api=${this.api} .user=${this.user} scope="all"></hearth-sessions-list>
      </section>`;
  }
}
customElements.define('hearth-people-settings', HearthPeopleSettings);
