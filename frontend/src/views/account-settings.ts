import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { HttpClient, User } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { msg, str } from '../lib/i18n.js';
import { controls } from '../styles/theme.js';
import './sessions-list.js';

/** Settings → Account, for every user: the name others see, one's own password, one's own sessions. */
export class HearthAccountSettings extends LitElement {
  static override properties = { api: { attribute: false }, user: { attribute: false }, _saved: { state: true }, _error: { state: true }, _revision: { state: true } };
  static override styles = [
    controls,
    css`
      .panel + .panel { margin-top: 0.8rem; }
      h3 { margin-top: 0; }
    `,
  ];
  declare api: HttpClient;
  declare user: User;
  /** What the last save did, and which form it was. */
  declare _saved: { form: 'name' | 'password'; text: string } | undefined;
  declare _error: { form: 'name' | 'password'; text: string } | undefined;
  /** Bumped after a password change, so the sessions list shows the others gone. */
  declare _revision: number;

  constructor() {
    super();
    this._revision = 0;
  }

  private async run(form: 'name' | 'password', task: () => Promise<string>) {
    this._saved = undefined;
    this._error = undefined;
    try {
      this._saved = { form, text: await task() };
    } catch (err) {
      this._error = { form, text: errorText(err) };
    }
  }

  private saveName(e: SubmitEvent) {
    e.preventDefault();
    const name = String(new FormData(e.target as HTMLFormElement).get('displayName') ?? '').trim();
    void this.run('name', async () => {
      const user = await this.api.setDisplayName(name || null);
      this.dispatchEvent(new CustomEvent<User>('hearth-user-changed', { detail: user, bubbles: true, composed: true }));
      return user.displayName ? msg(str`Others now see you as ${user.displayName}.`, { id: 'account.name-saved' }) : msg(str`Others now see your username, ${user.username}.`, { id: 'account.name-cleared' });
    });
  }

  private changePassword(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const [current, next, repeat] = ['current', 'new', 'repeat'].map((k) => String(f.get(k) ?? ''));
    void this.run('password', async () => {
      if (next !== repeat) throw new Error(msg('The two new passwords differ', { id: 'account.passwords-differ' }));
      await this.api.changePassword(current!, next!);
      form.reset();
      this._revision++;
      return msg('Password changed. Your other sessions are signed out; this one stays.', { id: 'account.password-changed' });
    });
  }

  private message(form: 'name' | 'password') {
    if (this._error?.form === form) return html`<div class="error" role="alert">${this._error.text}</div>`;
    if (this._saved?.form === form) return html`<p role="status">${this._saved.text}</p>`;
    return nothing;
  }

  override render() {
    return html`<section class="panel" aria-labelledby="name-title">
        <h3 id="name-title">${msg('Your name', { id: 'account.name-title' })}</h3>
        <p class="muted">${msg(str`Shown in the header and the logbook instead of your username (${this.user.username}).`, { id: 'account.name-hint' })}</p>
        <form class="row" @submit=${this.saveName}>
          <label>${msg('Display name', { id: 'account.display-name' })} <input name="displayName" maxlength="64" .value=${this.user.displayName ?? ''} autocomplete="name" /></label>
          <button class="primary" type="submit" style="align-self:end">${msg('Save name', { id: 'account.save-name' })}</button>
        </form>
        ${this.message('name')}
      </section>
      <section class="panel" aria-labelledby="password-title">
        <h3 id="password-title">${msg('Change your password', { id: 'account.password-title' })}</h3>
        <form class="row" @submit=${this.changePassword}>
          <input type="text" name="username" autocomplete="username" .value=${this.user.username} hidden />
          <label>${msg('Current password', { id: 'account.current-password' })} <input name="current" type="password" required autocomplete="current-password" /></label>
          <label>${msg('New password', { id: 'account.new-password' })} <input name="new" type="password" required minlength="8" autocomplete="new-password" /></label>
          <label>${msg('Repeat new password', { id: 'account.repeat-password' })} <input name="repeat" type="password" required minlength="8" autocomplete="new-password" /></label>
          <button class="primary" type="submit" style="align-self:end">${msg('Change password', { id: 'account.change-password' })}</button>
        </form>
        ${this.message('password')}
      </section>
      <section class="panel" aria-labelledby="sessions-title">
        <h3 id="sessions-title">${msg('Where you are signed in', { id: 'account.sessions-title' })}</h3>
        ${keyed(this._revision, html`<hearth-sessions-list .api=${this.api} .user=${this.user} scope="mine"></hearth-sessions-list>`)}
      </section>`;
  }
}
customElements.define('hearth-account-settings', HearthAccountSettings);
