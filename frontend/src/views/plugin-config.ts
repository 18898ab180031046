import { LitElement, css, html, nothing } from 'lit';
import type { AvailablePlugin, ConfigIssueBody, ConfigPlugins, HttpClient } from '../api/index.js';
import { entryIssues, entryKeys, parseEntry, refusalOf, type EditRefusal } from '../lib/config-edit.js';
import { msg, str } from '../lib/i18n.js';
import { controls } from '../styles/theme.js';
import { readOnlyHint, refusalNotice } from './config-refusal.js';
import './schema-form.js';

/** Where an edit form stands: a new entry, or the entry of that plugin id. */
type Editing = { kind: 'add'; use: string } | { kind: 'edit'; id: string };

/** Settings → Plugins: the entries of hearth.yaml — add, edit, enable/disable, remove — through /api/config/plugins. */
export class HearthPluginConfig extends LitElement {
  static override properties = {
    api: { attribute: false },
    _config: { state: true }, _available: { state: true }, _editing: { state: true }, _refusal: { state: true }, _issues: { state: true },
  };
  static override styles = [
    controls,
    css`
      .entry { margin-bottom: 0.8rem; }
      .entry header { display: flex; justify-content: space-between; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
      .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; margin-top: 0.4rem; }
      textarea { width: 100%; min-height: 8rem; font-family: monospace; }
      form { display: grid; gap: 0.5rem; margin-top: 0.6rem; }
      ul.issues { margin: 0.3rem 0; padding-left: 1.1rem; }
    `,
  ];
  declare api: HttpClient;
  declare _config: ConfigPlugins | undefined;
  declare _available: AvailablePlugin[] | undefined;
  declare _editing: Editing | undefined;
  declare _refusal: EditRefusal | undefined;
  declare _issues: ConfigIssueBody[];

  override connectedCallback() {
    super.connectedCallback();
    this._issues = [];
    void this.load();
  }

  private async load() {
    try {
      [this._config, this._available] = await Promise.all([this.api.configPlugins(), this.api.availablePlugins()]);
      this._refusal = undefined;
    } catch (err) {
      this._refusal = refusalOf(err);
    }
  }

  /** Runs an edit with the revision read; the file changed since (409) → a prompt to reload, never an overwrite. */
  private async edit(fn: (revision: string) => Promise<unknown>, index?: number) {
    if (!this._config) return;
    this._issues = [];
    try {
      await fn(this._config.revision);
      this._editing = undefined;
      await this.load();
    } catch (err) {
      const refusal = refusalOf(err);
      this._refusal = refusal;
      if (refusal.kind === 'invalid' && index !== undefined) this._issues = entryIssues(refusal.issues, index);
    }
  }

  private submit(e: SubmitEvent, editing: Editing) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const config = this._config!;
    const current = editing.kind === 'edit' ? config.plugins.find((p) => p.id === editing.id) : undefined;
    let entry: Record<string, unknown>;
    try {
      entry = parseEntry(current?.use ?? (editing.kind === 'add' ? editing.use : ''), String(f.get('id') ?? current?.entry.id ?? ''), String(f.get('keys') ?? ''));
    } catch (err) {
      this._refusal = { kind: 'other', message: msg(str`The options are not valid JSON: ${(err as Error).message}`, { id: 'pluginconfig.bad-json' }) };
      return;
    }
    if (current) void this.edit((rev) => this.api.replacePlugin(current.id, entry, rev), current.index);
    else void this.edit((rev) => this.api.addPlugin(entry, rev), config.plugins.length);
  }


  private form(editing: Editing) {
    const current = editing.kind === 'edit' ? this._config?.plugins.find((p) => p.id === editing.id) : undefined;
    const use = current?.use ?? (editing.kind === 'add' ? editing.use : '');
    const schema = this._available?.find((a) => a.use === use)?.configSchema;
    return html`<form aria-label=${msg(str`Options of ${use}`, { id: 'pluginconfig.options-of' })} @submit=${(e: SubmitEvent) => this.submit(e, editing)}>
      ${editing.kind === 'add' ? html`<label>${msg('Id (optional)', { id: 'pluginconfig.id' })} <input name="id" autocomplete="off" pattern="[a-z0-9_\-]*" /></label>` : nothing}
      <label>${msg('Options (JSON)', { id: 'pluginconfig.options' })}<textarea name="keys" spellcheck="false" .value=${current ? entryKeys(current.entry) : '{}'}></textarea></label>
      ${this._issues.length
        ? html`<ul class="issues error" role="alert">${this._issues.map((i) => html`<li><code>${i.path}</code>: ${i.message}${i.line ? ` (${msg(str`line ${i.line}`, { id: 'pluginconfig.line' })})` : ''}</li>`)}</ul>`
        : nothing}
      <div class="actions"><button class="primary" type="submit">${editing.kind === 'add' ? msg('Add plugin', { id: 'pluginconfig.add' }) : msg('Save', { id: 'common.save' })}</button>
        <button type="button" @click=${() => { this._editing = undefined; this._issues = []; }}>${msg('Cancel', { id: 'common.cancel' })}</button></div>
      ${schema ? html`<details><summary>${msg('Options it takes', { id: 'pluginconfig.schema' })}</summary><hearth-schema-form .schema=${schema}></hearth-schema-form></details>` : nothing}
    </form>`;
  }

  override render() {
    const config = this._config;
    if (!config) return html`${refusalNotice(this._refusal, () => void this.load())}<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`;
    const ro = !config.writable;
    const editing = this._editing;
    return html`${refusalNotice(this._refusal, () => void this.load())}
      ${ro ? readOnlyHint() : nothing}
      ${config.plugins.map((p) => html`<article class="panel entry" data-plugin=${p.id}>
        <header><h3>${p.id} <span class="muted" style="font-weight:400">${p.use}</span></h3>
          <span class="chip ${p.status === 'running' ? 'ok' : p.status === 'failed' || p.status === 'restarting' ? 'bad' : ''}">${p.enabled ? (p.status ?? '') : msg('disabled', { id: 'pluginconfig.disabled' })}</span></header>
        ${p.error ? html`<div class="error">${p.error}</div>` : nothing}
        ${ro ? nothing : html`<div class="actions">
          <button @click=${() => { this._editing = { kind: 'edit', id: p.id }; this._issues = []; }}>${msg('Edit', { id: 'pluginconfig.edit' })}</button>
          <button @click=${() => this.edit((rev) => this.api.patchPlugin(p.id, { enabled: p.enabled ? false : null }, rev), p.index)}>${p.enabled ? msg('Disable', { id: 'pluginconfig.disable' }) : msg('Enable', { id: 'pluginconfig.enable' })}</button>
          <button class="danger" @click=${() => this.edit((rev) => this.api.removePlugin(p.id, rev))}>${msg('Remove', { id: 'common.remove' })}</button></div>`}
        ${editing?.kind === 'edit' && editing.id === p.id ? this.form(editing) : nothing}
      </article>`)}
      ${ro ? nothing : html`<div class="panel"><h3 style="margin-top:0">${msg('Add a plugin', { id: 'pluginconfig.add-title' })}</h3>
        <label>${msg('Built-in plugin', { id: 'pluginconfig.builtin' })}
          <select name="use" @change=${(e: Event) => { const use = (e.target as HTMLSelectElement).value; this._editing = use ? { kind: 'add', use } : undefined; this._issues = []; }}>
            <option value="">—</option>${(this._available ?? []).map((a) => html`<option value=${a.use} ?selected=${editing?.kind === 'add' && editing.use === a.use}>${a.name} (${a.use})</option>`)}</select></label>
        <form aria-label=${msg('Plugin from a folder or npm package', { id: 'pluginconfig.other' })} @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const use = String(new FormData(e.target as HTMLFormElement).get('other') ?? '').trim();
          if (use) this._editing = { kind: 'add', use };
          this._issues = [];
        }}><label>${msg('…or a folder or npm name', { id: 'pluginconfig.other-name' })} <input name="other" autocomplete="off" placeholder="./plugins/my-plugin" /></label>
          <button type="submit">${msg('Use it', { id: 'pluginconfig.use-it' })}</button></form>
        ${editing?.kind === 'add' ? this.form(editing) : nothing}</div>`}`;
  }
}
customElements.define('hearth-plugin-config', HearthPluginConfig);
