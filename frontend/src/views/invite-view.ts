import { LitElement, css, html, nothing } from 'lit';
import { msg } from '../lib/i18n.js';
import { controls } from '../styles/theme.js';

export interface AcceptInviteDetail {
  code: string;
  username: string;
  password: string;
}

/**
 * The public page an invitation link opens (`/invite/<code>`, or `/invite` to type the code):
 * the invitee chooses a username and password; the shell sends them and signs the new account in.
 */
export class HearthInviteView extends LitElement {
  static override properties = { code: { type: String }, error: { type: String }, busy: { type: Boolean } };
  static override styles = [
    controls,
    css`
      :host { display: grid; place-items: center; min-height: 100dvh; padding: 1rem; background: var(--bg); }
      form { width: min(100%, 400px); display: grid; gap: 1rem; padding: 1.6rem; }
      .brand { display: flex; align-items: center; gap: 0.6rem; font-size: 1.4rem; font-weight: 700; }
      .brand svg { width: 34px; height: 34px; fill: var(--accent); }
      input { width: 100%; }
      input[name='code'] { font-family: ui-monospace, monospace; letter-spacing: 0.1em; text-transform: uppercase; }
      button.primary { width: 100%; }
    `,
  ];
  declare code: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.code = '';
    this.error = '';
    this.busy = false;
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const text = (key: string) => String(data.get(key) ?? '');
    if (text('password') !== text('confirm')) {
      this.error = msg('The two passwords differ', { id: 'login.passwords-differ' });
      return;
    }
    const detail = { code: text('code').trim(), username: text('username').trim(), password: text('password') };
    this.dispatchEvent(new CustomEvent<AcceptInviteDetail>('hearth-accept-invite', { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`<form class="panel" @submit=${this.submit} aria-labelledby="invite-title">
      <div class="brand"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2 2 10h3v11h14V10h3z"></path></svg>Hearth</div>
      <h1 id="invite-title" style="font-size:1.15rem">${msg('You are invited', { id: 'invite.title' })}</h1>
      <p class="muted" style="margin:0">${msg('Choose the username and password you will sign in with.', { id: 'invite.hint' })}</p>
      <label>${msg('Invitation code', { id: 'invite.code' })} <input name="code" required .value=${this.code} autocomplete="off" spellcheck="false" /></label>
      <label>${msg('Username', { id: 'login.username' })} <input name="username" required autocomplete="username" /></label>
      <label>${msg('Password', { id: 'login.password' })} <input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
      <label>${msg('Repeat password', { id: 'login.repeat-password' })} <input name="confirm" type="password" required minlength="8" autocomplete="new-password" /></label>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>${msg('Create my account', { id: 'invite.submit' })}</button>
      <a href="/">${msg('I already have an account', { id: 'invite.have-account' })}</a>
    </form>`;
  }
}
customElements.define('hearth-invite-view', HearthInviteView);
