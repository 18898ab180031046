import { LitElement, css, html, nothing } from 'lit';
import type { ApiToken, HttpClient, NotifyChannel, NotifyTargets, PluginInfo, Role, StoredUser, User } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { pluginStory } from '../lib/plugin-story.js';
import { controls } from '../styles/theme.js';
import './schema-form.js';
import './simulator-panel.js';

type Tab = 'plugins' | 'users' | 'tokens' | 'alarm' | 'notifications' | 'simulator';

/** Settings: plugins and their config, users and roles, API tokens, your alarm code, the simulator panel. */
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
      if (this.tab === 'users') this._users = await this.api.users();
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
    if (!this._plugins) return html`<p class="muted">Loading…</p>`;
    return this._plugins.map(
      (p) => html`<article class="panel plugin">
        <header><h3>${p.name} <span class="muted" style="font-weight:400">${p.version}</span></h3>
          <span class="chip ${p.status === 'running' ? 'ok' : p.status === 'failed' || p.status === 'restarting' ? 'bad' : ''}">${p.status}</span></header>
        <p class="muted" style="margin:0.3rem 0">${p.id} · ${p.entities.length} ${p.entities.length === 1 ? 'entity' : 'entities'}${p.isolated ? ` · isolated${p.pid !== undefined ? ` (pid ${p.pid})` : ''}` : ''}</p>
        ${p.description ? html`<p style="margin:0.3rem 0">${p.description}</p>` : nothing}
        ${p.error ? html`<div class="error" role="alert">${p.error}</div>` : nothing}
        ${this.story(p)}
        <details><summary>Configuration options</summary><hearth-schema-form .schema=${p.configSchema}></hearth-schema-form></details>
      </article>`,
    );
  }

  private story(plugin: PluginInfo) {
    const lines = pluginStory(plugin);
    return lines.length ? html`<ul class="story muted" aria-label="History of ${plugin.name}">${lines.map((line) => html`<li>${line}</li>`)}</ul>` : nothing;
  }

  private users() {
    if (this.user.role === 'member') return html`<p class="muted">Managing users needs the admin role.</p>`;
    const roles: Role[] = this.user.role === 'owner' ? ['member', 'admin', 'owner'] : ['member', 'admin'];
    return html`<div class="panel"><table>
        <thead><tr><th>User</th><th>Role</th><th><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${(this._users ?? []).map((u) => html`<tr><td>${u.username}</td>
          <td><select aria-label="Role of ${u.username}" ?disabled=${u.id === this.user.id}
            @change=${(e: Event) => this.act(() => this.api.updateUser(u.id, { role: (e.target as HTMLSelectElement).value as Role }))}>
            ${roles.map((r) => html`<option ?selected=${r === u.role}>${r}</option>`)}</select></td>
          <td>${u.id === this.user.id ? html`<span class="muted">you</span>` : html`<button class="danger" @click=${() => this.act(() => this.api.deleteUser(u.id))}>Remove</button>`}</td></tr>`)}</tbody>
      </table>
      <form class="row" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const f = new FormData(e.target as HTMLFormElement);
        void this.act(() => this.api.createUser(String(f.get('username')), String(f.get('password')), f.get('role') as Role)).then(() => (e.target as HTMLFormElement).reset());
      }}>
        <label>Username <input name="username" required autocomplete="off" /></label>
        <label>Password <input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
        <label>Role <select name="role">${roles.map((r) => html`<option>${r}</option>`)}</select></label>
        <button class="primary" type="submit" style="align-self:end">Add user</button>
      </form></div>`;
  }

  private tokens() {
    return html`<div class="panel">
      <p class="muted" style="margin-top:0">Long-lived tokens let scripts call the API: <code>Authorization: Bearer &lt;token&gt;</code>.</p>
      ${this._newToken ? html`<div role="status"><p>Copy this token now — it is shown only once:</p><code class="token">${this._newToken}</code></div>` : nothing}
      <table><thead><tr><th>Name</th><th>Created</th><th><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${(this._tokens ?? []).map((t) => html`<tr><td>${t.name}</td><td>${new Date(t.createdAt).toLocaleDateString()}</td>
          <td><button class="danger" @click=${() => this.act(() => this.api.deleteToken(t.id))}>Revoke</button></td></tr>`)}</tbody></table>
      <form class="row" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const name = String(new FormData(e.target as HTMLFormElement).get('name'));
        void this.act(async () => (this._newToken = (await this.api.createToken(name)).token));
      }}>
        <label>Token name <input name="name" required placeholder="backup script" /></label>
        <button class="primary" type="submit" style="align-self:end">Create token</button>
      </form></div>`;
  }

  /** Your own codes only: the hub never shows a code, only whether one is set. */
  private alarm() {
    const set = this._alarm;
    return html`<div class="panel">
      <p class="muted" style="margin-top:0">Your code disarms the alarm panel (and arms it where a code is required).
        A duress code disarms too, and silently alerts the others.</p>
      ${set ? html`<p>${set.code ? `Your code is set${set.duress ? ', with a duress code' : ''}.` : 'You have no alarm code yet.'}</p>` : nothing}
      ${this._saved ? html`<p role="status">${this._saved}</p>` : nothing}
      <form class="row" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const form = e.target as HTMLFormElement;
        const f = new FormData(form);
        const duress = String(f.get('duress') ?? '');
        void this.act(async () => {
          await this.api.setAlarmCode(String(f.get('code')), duress || undefined);
          this._saved = 'Alarm code saved.';
          form.reset();
        });
      }}>
        <label>Alarm code <input name="code" type="password" inputmode="numeric" pattern="[0-9]{4,12}" required autocomplete="off" /></label>
        <label>Duress code (optional) <input name="duress" type="password" inputmode="numeric" pattern="[0-9]{4,12}" autocomplete="off" /></label>
        <button class="primary" type="submit" style="align-self:end">Save</button>
        ${set?.code ? html`<button class="danger" type="button" style="align-self:end" @click=${() => this.act(() => this.api.clearAlarmCode())}>Remove</button>` : nothing}
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
        this._saved = 'Notifications saved.';
      });
    };
    return html`<div class="panel">
        <h3 style="margin-top:0">Your notifications</h3>
        <p class="muted">${mine?.channels.length ? html`Reaching you: ${mine.channels.map((c) => `${c.id} (${c.type})`).join(', ')}.` : 'No per-user channel lists you yet (notify: … users: in the config).'}</p>
        <form class="row" @submit=${save}>
          <label>ntfy topic <input name="ntfyTopic" .value=${mine?.targets.ntfyTopic ?? ''} pattern="[A-Za-z0-9_\-]{1,64}" autocomplete="off" /></label>
          <label>E-mail <input name="email" type="email" .value=${mine?.targets.email ?? ''} autocomplete="email" /></label>
          <label>Quiet from <input name="quietFrom" type="time" .value=${mine?.targets.quietHours?.from ?? ''} /></label>
          <label>Quiet until <input name="quietTo" type="time" .value=${mine?.targets.quietHours?.to ?? ''} /></label>
          <button class="primary" type="submit" style="align-self:end">Save</button>
        </form>
        ${this._saved ? html`<p role="status">${this._saved}</p>` : nothing}
      </div>
      ${this._channels ? html`<div class="panel" style="margin-top:0.8rem"><h3 style="margin-top:0">Channels</h3><table>
        <thead><tr><th>Channel</th><th>State</th><th>Pending</th><th>Held</th><th>Sent</th><th>Dropped</th></tr></thead>
        <tbody>${this._channels.map((c) => html`<tr><td>${c.id} <span class="muted">${c.type}</span></td>
          <td><span class="chip ${c.state === 'ok' ? 'ok' : 'bad'}">${c.state === 'ok' ? 'ok' : `failing since ${new Date(c.failingSince ?? '').toLocaleTimeString()}`}</span>
            ${c.lastError ? html`<div class="error">${c.lastError}${c.nextRetryAt ? ` — retrying at ${new Date(c.nextRetryAt).toLocaleTimeString()}` : ''}</div>` : nothing}</td>
          <td>${c.pending}</td><td>${c.held}</td><td>${c.delivered}</td><td>${c.dropped}</td></tr>`)}</tbody></table></div>` : nothing}`;
  }

  override render() {
    const tabs: [Tab, string][] = [['plugins', 'Plugins'], ['users', 'Users'], ['tokens', 'API tokens'], ['alarm', 'Alarm code'], ['notifications', 'Notifications'], ['simulator', 'Simulator']];
    return html`<nav aria-label="Settings sections">${tabs.map(([t, label]) => html`<a href="/settings/${t}" aria-current=${t === this.tab ? 'page' : 'false'}>${label}</a>`)}</nav>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${this.tab === 'plugins' ? this.plugins() : this.tab === 'users' ? this.users() : this.tab === 'tokens' ? this.tokens() : this.tab === 'alarm' ? this.alarm() : this.tab === 'notifications' ? this.notifications()
        : html`<hearth-simulator-panel .api=${this.api}></hearth-simulator-panel>`}`;
  }
}
customElements.define('hearth-settings-view', HearthSettingsView);
