import { LitElement, css, html, nothing } from 'lit';
import { msg } from '../lib/i18n.js';
import { controls } from '../styles/theme.js';

export interface CredentialsDetail {
  username: string;
  password: string;
}

/** Sign-in and first-visit owner creation; the shell performs the request and passes back `error`. */
export class HearthLoginView extends LitElement {
  static override properties = { mode: { type: String }, error: { type: String }, busy: { type: Boolean } };
  static override styles = [
    controls,
    css`
      :host { display: grid; place-items: center; min-height: 100dvh; padding: 1rem; background: var(--bg); }
      form { width: min(100%, 380px); display: grid; gap: 1rem; padding: 1.6rem; }
      .brand { display: flex; align-items: center; gap: 0.6rem; font-size: 1.4rem; font-weight: 700; }
      .brand svg { width: 34px; height: 34px; fill: var(--accent); }
      button.primary { width: 100%; }
      input { width: 100%; }
    `,
  ];
  declare mode: 'login' | 'onboarding';
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.mode = 'login';
    this.error = '';
    this.busy = false;
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const detail = { username: String(data.get('username') ?? '').trim(), password: String(data.get('password') ?? '') };
    if (this.mode === 'onboarding' && detail.password !== data.get('confirm')) {
      this.error = msg('The two passwords differ', { id: 'login.passwords-differ' });
      return;
    }
    this.dispatchEvent(new CustomEvent<CredentialsDetail>(this.mode === 'login' ? 'hearth-login' : 'hearth-onboard', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const onboarding = this.mode === 'onboarding';
    return html`<form class="panel" @submit=${this.submit} aria-labelledby="form-title">
      <div class="brand"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2 2 10h3v11h14V10h3z"></path></svg>Hearth</div>
      <h1 id="form-title" style="font-size:1.15rem">${onboarding ? msg('Welcome! Create the owner account', { id: 'login.onboarding-title' }) : msg('Sign in', { id: 'login.title' })}</h1>
      ${onboarding ? html`<p class="muted" style="margin:0">${msg('This account can manage users, automations and backups. There is no default password.', { id: 'login.onboarding-hint' })}</p>` : nothing}
      <label>${msg('Username', { id: 'login.username' })} <input name="username" autocomplete="username" required minlength="1" autofocus /></label>
      <label>${msg('Password', { id: 'login.password' })} <input name="password" type="password" autocomplete=${onboarding ? 'new-password' : 'current-password'} required minlength=${onboarding ? 8 : 1} /></label>
      ${onboarding ? html`<label>${msg('Repeat password', { id: 'login.repeat-password' })} <input name="confirm" type="password" autocomplete="new-password" required minlength="8" /></label>` : nothing}
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>${onboarding ? msg('Create account', { id: 'login.create-account' }) : msg('Sign in', { id: 'login.title' })}</button>
      ${onboarding ? nothing : html`<a href="/invite">${msg('I have an invitation code', { id: 'login.have-invitation' })}</a>`}
    </form>`;
  }
}
customElements.define('hearth-login-view', HearthLoginView);
