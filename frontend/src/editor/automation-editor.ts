import { LitElement, css, html, nothing } from 'lit';
import { stringify } from 'yaml';
import { ApiError, type AutomationDefinition, type EntityState, type HttpClient, type SimulationResult, type Trace, type User } from '../api/index.js';
import { simpleRuleToDefinition, checkSimpleRule, type SimpleRule } from '../lib/automation-form.js';
import { errorText } from '../lib/errors.js';
import { formatTime } from '../lib/format.js';
import { detailsToFieldErrors, parseYaml, placeErrors, type FieldError } from '../lib/yaml-errors.js';
import { controls } from '../styles/theme.js';
import './definition-form.js';
import './simple-rule-form.js';
import './trace-viewer.js';
import { msg, str } from '../lib/i18n.js';

type Tab = 'form' | 'yaml' | 'simple';
const BLANK: AutomationDefinition = { id: '', name: '', mode: 'single', triggers: [{ type: 'state', entity: '', to: 'on' }], conditions: [], actions: [{ command: 'turn_on', entity: '' }] };

/** Create or edit one automation: form, raw YAML or the one-line rule; run it, read its traces, simulate it on last week. */
export class HearthAutomationEditor extends LitElement {
  static override properties = {
    api: { attribute: false }, user: { attribute: false }, entities: { attribute: false }, automationId: { type: String },
    _def: { state: true }, _yaml: { state: true }, _tab: { state: true }, _errors: { state: true }, _message: { state: true },
    _traces: { state: true }, _sim: { state: true }, _busy: { state: true },
  };
  static override styles = [
    controls,
    css`
      .tabs { display: flex; gap: 0.3rem; margin: 1rem 0; }
      .tabs button[aria-selected='true'] { background: var(--accent-soft); color: var(--accent); border-color: var(--accent); font-weight: 600; }
      .yaml { position: relative; }
      textarea { width: 100%; min-height: 360px; font-family: ui-monospace, 'SF Mono', Menlo, monospace; font-size: 0.88rem; line-height: 1.45; tab-size: 2; }
      .errors { margin: 0.5rem 0; padding-left: 1.2rem; color: var(--danger); }
      .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; margin: 1rem 0; }
      section { margin-top: 1.4rem; }
      h2 { font-size: 1.05rem; margin-bottom: 0.6rem; }
      .ok { color: var(--ok); }
      .firing { padding: 0.4rem 0; border-bottom: 1px solid var(--border); }
    `,
  ];
  declare api: HttpClient;
  declare user: User;
  declare entities: EntityState[];
  declare automationId: string;
  declare _def: AutomationDefinition;
  declare _yaml: string;
  declare _tab: Tab;
  declare _errors: FieldError[];
  declare _message: string;
  declare _traces: Trace[] | undefined;
  declare _sim: SimulationResult | undefined;
  declare _busy: boolean;

  constructor() {
    super();
    this._def = structuredClone(BLANK);
    this._yaml = stringify(BLANK);
    this._tab = 'form';
    this._errors = [];
    this._message = '';
  }

  private get isNew() {
    return this.automationId === 'new';
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('automationId') && !this.isNew) void this.load();
  }

  private async load() {
    try {
      const { lastRun: _l, source: _s, running: _r, ...def } = await this.api.automation(this.automationId);
      this.setDef(def);
      this._traces = await this.api.traces(this.automationId).catch(() => undefined);
    } catch (err) {
      this._message = errorText(err);
    }
  }

  /** Traces pushed by the shell as they happen, so "fire it and read the trace" needs no reload. */
  addTrace(trace: Trace) {
    if (trace.automationId !== this.automationId) return;
    this._traces = [trace, ...(this._traces ?? [])].slice(0, 10);
  }

  private setDef(def: AutomationDefinition) {
    this._def = def;
    this._yaml = stringify(def);
    this._errors = [];
  }

  private switchTab(tab: Tab) {
    if (this._tab === 'yaml' && tab !== 'yaml') {
      const parsed = parseYaml(this._yaml);
      if (parsed.errors.length) {
        this._errors = parsed.errors;
        return;
      }
      this._def = parsed.value as AutomationDefinition;
    }
    if (tab === 'yaml') this._yaml = stringify(this._def);
    this._tab = tab;
  }

  private currentDefinition(): AutomationDefinition | undefined {
    if (this._tab !== 'yaml') return this._def;
    const parsed = parseYaml(this._yaml);
    this._errors = parsed.errors;
    return parsed.errors.length ? undefined : (parsed.value as AutomationDefinition);
  }

  private async save(def = this.currentDefinition()) {
    if (!def) return;
    this._busy = true;
    this._message = '';
    try {
      const saved = this.isNew ? await this.api.createAutomation(def) : await this.api.saveAutomation(this.automationId, def);
      this._message = msg('Saved', { id: 'common.saved' });
      if (this.isNew) this.dispatchEvent(new CustomEvent('hearth-navigate', { detail: { path: `/automations/${encodeURIComponent(saved.id ?? def.id)}` }, bubbles: true, composed: true }));
    } catch (err) {
      this.showError(err);
    } finally {
      this._busy = false;
    }
  }

  private showError(err: unknown) {
    const fields = err instanceof ApiError ? detailsToFieldErrors(err.details) : [];
    this._errors = placeErrors(this._tab === "yaml" ? this._yaml : stringify(this._def), fields);
    this._message = errorText(err);
  }

  private async run() {
    try {
      await this.api.runAutomation(this.automationId);
      this._message = msg('Started', { id: 'editor.started' });
    } catch (err) {
      this._message = errorText(err);
    }
  }

  private async simulate() {
    const def = this.currentDefinition();
    if (!def) return;
    this._busy = true;
    try {
      const end = new Date();
      this._sim = await this.api.simulate(def, new Date(end.getTime() - 7 * 86400_000).toISOString(), end.toISOString());
      this._message = '';
    } catch (err) {
      this.showError(err);
    } finally {
      this._busy = false;
    }
  }

  private simpleSaved(rule: SimpleRule) {
    if (Object.keys(checkSimpleRule(rule)).length) return;
    const def = simpleRuleToDefinition(rule);
    this.setDef(def);
    void this.save(def);
  }

  private body() {
    switch (this._tab) {
      case 'yaml':
        return html`<div class="yaml"><label>${msg('Automation as YAML', { id: 'editor.yaml' })}
          <textarea spellcheck="false" .value=${this._yaml} aria-invalid=${this._errors.length ? 'true' : 'false'} aria-describedby="yaml-errors"
            @input=${(e: Event) => (this._yaml = (e.target as HTMLTextAreaElement).value)}></textarea></label></div>`;
      case 'simple':
        return html`<hearth-simple-rule-form .entities=${this.entities} @hearth-simple-rule=${(e: CustomEvent<SimpleRule>) => this.simpleSaved(e.detail)}></hearth-simple-rule-form>`;
      default:
        return html`<hearth-definition-form .definition=${this._def} .entities=${this.entities} .errors=${this._errors} .isNew=${this.isNew}
          @hearth-definition=${(e: CustomEvent<AutomationDefinition>) => (this._def = e.detail)}></hearth-definition-form>`;
    }
  }

  override render() {
    const admin = this.user.role !== 'member';
    const tabs: [Tab, string][] = [['form', msg('Form', { id: 'editor.tab-form' })], ['yaml', 'YAML'], ['simple', msg('Simple rule', { id: 'editor.tab-simple' })]];
    return html`<h1>${this.isNew ? msg('New automation', { id: 'automations.new' }) : this._def.name || this.automationId}</h1>
      <div class="tabs" role="tablist" aria-label=${msg('Editor', { id: 'editor.editor' })}>${tabs.map(([t, label]) => html`<button role="tab" aria-selected=${this._tab === t ? 'true' : 'false'} @click=${() => this.switchTab(t)}>${label}</button>`)}</div>
      <div class="panel" role="tabpanel">${this.body()}
        ${this._errors.length ? html`<ul class="errors" id="yaml-errors" role="alert">${this._errors.map((e) => html`<li>${e.line ? `${msg(str`Line ${e.line}`, { id: 'editor.line' })}: ` : ''}${e.path ? html`<code>${e.path}</code> — ` : ''}${e.message}</li>`)}</ul>` : nothing}
      </div>
      ${this._tab !== 'simple' && admin
        ? html`<div class="actions">
            <button class="primary" ?disabled=${this._busy} @click=${() => this.save()}>${msg('Save', { id: 'common.save' })}</button>
            ${this.isNew ? nothing : html`<button @click=${this.run}>${msg('Run now', { id: 'editor.run-now' })}</button>`}
            <button ?disabled=${this._busy} @click=${this.simulate}>${msg('Simulate on the last 7 days', { id: 'editor.simulate' })}</button>
            ${this._message ? html`<span role="status" class=${this._message === msg('Saved', { id: 'common.saved' }) || this._message === msg('Started', { id: 'editor.started' }) ? 'ok' : 'error'}>${this._message}</span>` : nothing}
          </div>`
        : this._message ? html`<p role="status">${this._message}</p>` : nothing}
      ${this._sim ? html`<section class="panel" aria-label=${msg('Simulation', { id: 'editor.simulation' })}><h2>${this._sim.firings.length === 1 ? msg('Would have fired once in the last 7 days', { id: 'editor.fired-once' }) : msg(str`Would have fired ${this._sim.firings.length} times in the last 7 days`, { id: 'editor.fired' })}</h2>
          ${this._sim.firings.slice(0, 50).map((f) => html`<div class="firing">${formatTime(f.at)} — ${describeCommands(this._sim!.commands, f.at)}</div>`)}</section>` : nothing}
      ${this.isNew ? nothing : html`<section><h2>${msg('Recent runs', { id: 'editor.recent-runs' })}</h2><hearth-trace-viewer .traces=${this._traces}></hearth-trace-viewer></section>`}`;
  }
}
customElements.define('hearth-automation-editor', HearthAutomationEditor);

/** The commands a simulated firing sent (those stamped at or right after it). */
function describeCommands(commands: SimulationResult['commands'], at: string): string {
  const sent = commands.filter((c) => c.at >= at).slice(0, 3);
  return sent.length ? sent.map((c) => `${c.command} ${c.entityId}`).join(', ') : msg('no command', { id: 'editor.no-command' });
}
