import { LitElement, css, html, nothing } from 'lit';
import type { ApiToken, HttpClient, NotifyChannel, NotifyTargets, PluginInfo, Role, StoredUser, User } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { pluginStory } from '../lib/plugin-story.js';
import { formatTime } from '../lib/format.js';
import { showLocale } from '../lib/show-locale.js';
import { roleWord } from '../lib/roles.js';
import { controls } from '../styles/theme.js';
import './account-settings.js';
import './area-config.js';
import './plugin-config.js';
import './people-settings.js';
import './schema-form.js';
import './simulator-panel.js';
import { currentLocale, LOCALE_NAMES, LOCALES, isLocale, msg, str } from '../lib/i18n.js';

type Tab = 'plugins' | 'areas' | 'people' | 'account' | 'tokens' | 'alarm' | 'notifications' | 'language' | 'simulator';

/** Settings: plugins and their config, users and roles, API tokens, your alarm code, your language, the simulator panel. */
export class HearthSettingsView extends LitElement {
  static override properties = {
    api: { attribute: false }, user: { attribute: false }, tab: { type: String },
    _plugins: { state: true }, _users: { state: true }, _tokens: { state: true }, _newToken: { state: true }, _alarm: { state: true }, _channels: { state: true }, _targets: { state: true }, _saved: { state: true }, _error: { state: true },
  };
  static override styles = [
    controls,
    css`
      nav { display: flex; gap: 0.3rem; margin-bottom: 1rem; overflow-x: auto; }
      nav a { padding: 0.5rem 0.9rem; border-radius: 999px; color: var(--muted); text-decoration: none; white-space: nowrap; }
      nav a[aria-current='page'] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
      .plugin { margin-bottom: 0.8rem; }
      .plugin header { display: flex; justify-content: space-between; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
      details { margin-top: 0.5rem; }
      .story { margin: 0.4rem 0 0; padding-left: 1.1rem; font-size: 0.9em; }
      form.row { margin-top: 0.8rem; }
      code.token { word-break: break-all; display: block; padding: 0.5rem; background: var(--surface-2); border-radius: var(--radius-sm); }
    `,
  ];
  declare api: HttpClient;
  declare user: User;
  declare tab: Tab;
  declare _plugins: PluginInfo[] | undefined;
  declare _users: StoredUser[] | undefined;
  declare _tokens: ApiToken[] | undefined;
  declare _channels: NotifyChannel[] | undefined;
  declare _targets: { targets: NotifyTargets; channels: { id: string; type: string }[] } | undefined;
  declare _newToken: string;
  declare _alarm: { code: boolean; duress: boolean } | undefined;
  declare _saved: string;
  declare _error: string;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('tab')) void this.load();
  }

  private async load() {
    this._error = '';
    try {
      if (this.tab === 'plugins') this._plugins = await this.api.plugins();
      if (this.tab === 'people' && this.user.role !== 'member') this._users = await this.api.users();
      if (this.tab === 'tokens') this._tokens = await this.api.tokens();
      if (this.tab === 'alarm') this._alarm = await this.api.alarmCode();
      if (this.tab === 'notifications') {
        this._targets = await this.api.myNotifyTargets();
        if (this.user.role !== 'member') this._channels = await this.api.notifyChannels();
      }
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async act(fn: () => Promise<unknown>) {
    this._error = '';
    try {
      await fn();
      await this.load();
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private plugins() {
    if (!this._plugins) return html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`;
    return html`${this.user.role === 'member' ? nothing : html`<h2>${msg('In hearth.yaml', { id: 'settings.plugins-config' })}</h2><hearth-plugin-config .api=${this.api}></hearth-plugin-config><h2>${msg('Running', { id: 'settings.plugins-running' })}</h2>`}
      ${this.running(this._plugins)}`;
  }

  private running(plugins: PluginInfo[]) {
    return plugins.map(
      (p) => html`<article class="panel plugin">
        <header><h3>${p.name} <span class="muted" style="font-weight:400">${p.version}</span></h3>
          <span class="chip ${p.status === 'running' ? 'ok' : p.status === 'failed' || p.status === 'restarting' ? 'bad' : ''}">${pluginStatusWord(p.status)}</span></header>
        <p class="muted" style="margin:0.3rem 0">${p.id} · ${p.entities.length === 1 ? msg('1 entity', { id: 'settings.one-entity' }) : msg(str`${p.entities.length} entities`, { id: 'settings.entities' })}${p.isolated ? ` · ${msg('isolated', { id: 'settings.isolated' })}${p.pid !== undefined ? ` (pid ${p.pid})` : ''}` : ''}</p>
        ${p.description ? html`<p style="margin:0.3rem 0">${p.description}</p>` : nothing}
        ${p.error ? html`<div class="error" role="alert">${p.error}</div>` : nothing}
        ${this.story(p)}
        <details><summary>${msg('Configuration options', { id: 'settings.config-options' })}</summary><hearth-schema-form .schema=${p.configSchema}></hearth-schema-form></details>
      </article>`,
    );
  }

  private story(plugin: PluginInfo) {
    const lines = pluginStory(plugin);
    return lines.length ? html`<ul class="story muted" aria-label=${msg(str`History of ${plugin.name}`, { id: 'settings.plugin-history' })}>${lines.map((line) => html`<li>${line}</li>`)}</ul>` : nothing;
  }

  private areas() {
    if (this.user.role === 'member') return html`<p class="muted">${msg('Editing areas needs the admin role.', { id: 'areaconfig.admin-only' })}</p>`;
    return html`<hearth-area-config .api=${this.api}></hearth-area-config>`;
  }

  private people() {
    if (this.user.role === 'member') return html`<p class="muted">${msg('Managing people needs the admin role.', { id: 'settings.users-admin-only' })}</p>`;
    return html`${this.users()}<hearth-people-settings .api=${this.api} .user=${this.user}></hearth-people-settings>`;
  }

  private users() {
    const roles: Role[] = this.user.role === 'owner' ? ['member', 'admin', 'owner'] : ['member', 'admin'];
    return html`<div class="panel"><h3 style="margin-top:0">${msg('Users', { id: 'settings.tab-users' })}</h3><table>
        <thead><tr><th>${msg('User', { id: 'settings.user' })}</th><th>${msg('Role', { id: 'settings.role' })}</th><th><span class="sr-only">${msg('Actions', { id: 'common.actions' })}</span></th></tr></thead>
        <tbody>${(this._users ?? []).map((u) => html`<tr><td>${u.username}</td>
          <td><select aria-label=${msg(str`Role of ${u.username}`, { id: 'settings.role-of' })} ?disabled=${u.id === this.user.id}
            @change=${(e: Event) => this.act(() => this.api.updateUser(u.id, { role: (e.target as HTMLSelectElement).value as Role }))}>
            ${roles.map((r) => html`<option value=${r} ?selected=${r === u.role}>${roleWord(r)}</option>`)}</select></td>
          <td>${u.id === this.user.id ? html`<span class="muted">${msg('you', { id: 'settings.you' })}</span>` : html`<button class="danger" @click=${() => this.act(() => this.api.deleteUser(u.id))}>${msg('Remove', { id: 'common.remove' })}</button>`}</td></tr>`)}</tbody>
      </table>
      <form class="row" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const f = new FormData(e.target as HTMLFormElement);
        void this.act(() => this.api.createUser(String(f.get('username')), String(f.get('password')), f.get('role') as Role)).then(() => (e.target as HTMLFormElement).reset());
      }}>
        <label>${msg('Username', { id: 'login.username' })} <input name="username" required autocomplete="off" /></label>
        <label>${msg('Password', { id: 'login.password' })} <input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
        <label>${msg('Role', { id: 'settings.role' })} <select name="role">${roles.map((r) => html`<option value=${r}>${roleWord(r)}</option>`)}</select></label>
        <button class="primary" type="submit" style="align-self:end">${msg('Add user', { id: 'settings.add-user' })}</button>
      </form></div>`;
  }

  private tokens() {
    return html`<div class="panel">
      <p class="muted" style="margin-top:0">${msg('Long-lived tokens let scripts call the API:', { id: 'settings.tokens-hint' })} <code>Authorization: Bearer &lt;token&gt;</code></p>
      ${this._newToken ? html`<div role="status"><p>${msg('Copy this token now — it is shown only once:', { id: 'settings.token-once' })}</p><code class="token">${this._newToken}</code></div>` : nothing}
      <table><thead><tr><th>${msg('Name', { id: 'common.name' })}</th><th>${msg('Created', { id: 'settings.created' })}</th><th><span class="sr-only">${msg('Actions', { id: 'common.actions' })}</span></th></tr></thead>
        <tbody>${(this._tokens ?? []).map((t) => html`<tr><td>${t.name}</td><td>${new Date(t.createdAt).toLocaleDateString(currentLocale())}</td>
          <td><button class="danger" @click=${() => this.act(() => this.api.deleteToken(t.id))}>${msg('Revoke', { id: 'settings.revoke' })}</button></td></tr>`)}</tbody></table>
      <form class="row" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const name = String(new FormData(e.target as HTMLFormElement).get('name'));
        void this.act(async () => (this._newToken = (await this.api.createToken(name)).token));
      }}>
        <label>${msg('Token name', { id: 'settings.token-name' })} <input name="name" required placeholder=${msg('backup script', { id: 'settings.token-placeholder' })} /></label>
        <button class="primary" type="submit" style="align-self:end">${msg('Create token', { id: 'settings.create-token' })}</button>
      </form></div>`;
  }

  /** Your own codes only: the hub never shows a code, only whether one is set. */
  private alarm() {
    const set = this._alarm;
    return html`<div class="panel">
      <p class="muted" style="margin-top:0">${msg('Your code disarms the alarm panel (and arms it where a code is required). A duress code disarms too, and silently alerts the others.', { id: 'settings.alarm-hint' })}</p>
      ${set ? html`<p>${set.code ? (set.duress ? msg('Your code is set, with a duress code.', { id: 'settings.alarm-set-duress' }) : msg('Your code is set.', { id: 'settings.alarm-set' })) : msg('You have no alarm code yet.', { id: 'settings.alarm-none' })}</p>` : nothing}
      ${this._saved ? html`<p role="status">${this._saved}</p>` : nothing}
      <form class="row" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const form = e.target as HTMLFormElement;
        const f = new FormData(form);
        const duress = String(f.get('duress') ?? '');
        void this.act(async () => {
          await this.api.setAlarmCode(String(f.get('code')), duress || undefined);
          this._saved = msg('Alarm code saved.', { id: 'settings.alarm-saved' });
          form.reset();
        });
      }}>
        <label>${msg('Alarm code', { id: 'settings.alarm-code' })} <input name="code" type="password" inputmode="numeric" pattern="[0-9]{4,12}" required autocomplete="off" /></label>
        <label>${msg('Duress code (optional)', { id: 'settings.duress-code' })} <input name="duress" type="password" inputmode="numeric" pattern="[0-9]{4,12}" autocomplete="off" /></label>
        <button class="primary" type="submit" style="align-self:end">${msg('Save', { id: 'common.save' })}</button>
        ${set?.code ? html`<button class="danger" type="button" style="align-self:end" @click=${() => this.act(() => this.api.clearAlarmCode())}>${msg('Remove', { id: 'common.remove' })}</button>` : nothing}
      </form></div>`;
  }

  private notifications() {
    const mine = this._targets;
    const save = (e: SubmitEvent) => {
      e.preventDefault();
      const f = new FormData(e.target as HTMLFormElement);
      const text = (key: string) => String(f.get(key) ?? '').trim();
      const [from, to] = [text('quietFrom'), text('quietTo')];
      const targets: NotifyTargets = { ...(text('ntfyTopic') && { ntfyTopic: text('ntfyTopic') }), ...(text('email') && { email: text('email') }), ...(from && to && { quietHours: { from, to } }) };
      this._saved = '';
      void this.act(async () => {
        await this.api.setMyNotifyTargets(targets);
        this._saved = msg('Notifications saved.', { id: 'settings.notify-saved' });
      });
    };
    return html`<div class="panel">
        <h3 style="margin-top:0">${msg('Your notifications', { id: 'settings.your-notifications' })}</h3>
        <p class="muted">${mine?.channels.length ? msg(str`Reaching you: ${mine.channels.map((c) => c.id + ' (' + c.type + ')').join(', ')}.`, { id: 'settings.reaching-you' }) : msg('No per-user channel lists you yet (notify: … users: in the config).', { id: 'settings.no-channels' })}</p>
        <form class="row" @submit=${save}>
          <label>${msg('ntfy topic', { id: 'settings.ntfy-topic' })} <input name="ntfyTopic" .value=${mine?.targets.ntfyTopic ?? ''} pattern="[A-Za-z0-9_\-]{1,64}" autocomplete="off" /></label>
          <label>${msg('E-mail', { id: 'settings.email' })} <input name="email" type="email" .value=${mine?.targets.email ?? ''} autocomplete="email" /></label>
          <label>${msg('Quiet from', { id: 'settings.quiet-from' })} <input name="quietFrom" type="time" .value=${mine?.targets.quietHours?.from ?? ''} /></label>
          <label>${msg('Quiet until', { id: 'settings.quiet-until' })} <input name="quietTo" type="time" .value=${mine?.targets.quietHours?.to ?? ''} /></label>
          <button class="primary" type="submit" style="align-self:end">${msg('Save', { id: 'common.save' })}</button>
        </form>
        ${this._saved ? html`<p role="status">${this._saved}</p>` : nothing}
      </div>
      ${this._channels ? html`<div class="panel" style="margin-top:0.8rem"><h3 style="margin-top:0">${msg('Channels', { id: 'settings.channels' })}</h3><table>
        <thead><tr><th>${msg('Channel', { id: 'settings.channel' })}</th><th>${msg('State', { id: 'common.state' })}</th><th>${msg('Pending', { id: 'settings.pending' })}</th><th>${msg('Held', { id: 'settings.held' })}</th><th>${msg('Sent', { id: 'settings.sent' })}</th><th>${msg('Dropped', { id: 'settings.dropped' })}</th></tr></thead>
        <tbody>${this._channels.map((c) => html`<tr><td>${c.id} <span class="muted">${c.type}</span></td>
          <td><span class="chip ${c.state === 'ok' ? 'ok' : 'bad'}">${c.state === 'ok' ? msg('ok', { id: 'settings.channel-ok' }) : msg(str`failing since ${formatTime(c.failingSince ?? '')}`, { id: 'settings.failing-since' })}</span>
            ${c.lastError ? html`<div class="error">${c.lastError}${c.nextRetryAt ? ` — ${msg(str`retrying at ${formatTime(c.nextRetryAt)}`, { id: 'settings.retrying-at' })}` : ''}</div>` : nothing}</td>
          <td>${c.pending}</td><td>${c.held}</td><td>${c.delivered}</td><td>${c.dropped}</td></tr>`)}</tbody></table></div>` : nothing}`;
  }

  /** Saved on the user, so every device they sign in on speaks it; shown at once. */
  private language() {
    const choose = (e: Event) => {
      const locale = (e.target as HTMLSelectElement).value;
      if (!isLocale(locale)) return;
      void this.act(async () => {
        await this.api.setPreferences({ locale });
        await showLocale(locale);
      });
    };
    return html`<div class="panel">
      <label>${msg('Language of the dashboard', { id: 'settings.language' })}
        <select name="locale" @change=${choose}>${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === currentLocale()}>${LOCALE_NAMES[l]}</option>`)}</select></label>
      <p class="muted">${msg('Saved for your account: every device you sign in on uses it.', { id: 'settings.language-hint' })}</p>
    </div>`;
  }

  override render() {
    const tabs: [Tab, string][] = [
      ['plugins', msg('Plugins', { id: 'settings.tab-plugins' })],
      ['areas', msg('Areas', { id: 'areaconfig.areas' })],
      ['people', msg('People', { id: 'settings.tab-people' })],
      ['account', msg('Account', { id: 'settings.tab-account' })],
      ['tokens', msg('API tokens', { id: 'settings.tab-tokens' })],
      ['alarm', msg('Alarm code', { id: 'settings.alarm-code' })],
      ['notifications', msg('Notifications', { id: 'settings.tab-notifications' })],
      ['language', msg('Language', { id: 'settings.tab-language' })],
      ['simulator', msg('Simulator', { id: 'settings.tab-simulator' })],
    ];
    return html`<nav aria-label=${msg('Settings sections', { id: 'settings.sections' })}>${tabs.map(([t, label]) => html`<a href="/settings/${t}" aria-current=${t === this.tab ? 'page' : 'false'}>${label}</a>`)}</nav>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${this.tab === 'plugins' ? this.plugins() : this.tab === 'areas' ? this.areas() : this.tab === 'people' ? this.people() : this.tab === 'account' ? html`<hearth-account-settings .api=${this.api} .user=${this.user}></hearth-account-settings>` : this.tab === 'tokens' ? this.tokens() : this.tab === 'alarm' ? this.alarm() : this.tab === 'notifications' ? this.notifications() : this.tab === 'language' ? this.language()
        : html`<hearth-simulator-panel .api=${this.api}></hearth-simulator-panel>`}`;
  }
}

function pluginStatusWord(status: PluginInfo['status']): string {
  switch (status) {
    case 'running':
      return msg('running', { id: 'plugin.running' });
    case 'failed':
      return msg('failed', { id: 'plugin.failed' });
    case 'restarting':
      return msg('restarting', { id: 'plugin.restarting' });
    default:
      return status;
  }
}

customElements.define('hearth-settings-view', HearthSettingsView);
