import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { titleCase } from '../lib/format.js';
import { DEFAULT_RANGE, localInputValue, PRESETS, presetLabel, resolveWindow, type TimeRange } from '../lib/history-selection.js';
import { isFiltered, KINDS, type LogbookFilter, type LogbookKind } from '../lib/logbook-filter.js';
import { controls } from '../styles/theme.js';
import { msg, str } from '../lib/i18n.js';


/** The Logbook's filter bar: entity, area, kind, user, automation and range. Sends `hearth-logbook-filter` with the whole filter. */
export class HearthLogbookFilters extends LitElement {
  static override properties = { filter: { attribute: false }, entities: { attribute: false }, automations: { attribute: false } };
  static override styles = [
    controls,
    css`
      form { display: grid; gap: 0.6rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr)); align-items: end; margin-bottom: 1rem; }
      select, input { width: 100%; box-sizing: border-box; }
    `,
  ];
  declare filter: LogbookFilter;
  declare entities: EntityState[];
  /** Automation id → name. */
  declare automations: Map<string, string>;

  constructor() {
    super();
    this.filter = { range: DEFAULT_RANGE };
    this.entities = [];
    this.automations = new Map();
  }

  private send(filter: LogbookFilter) {
    this.dispatchEvent(new CustomEvent('hearth-logbook-filter', { detail: filter, bubbles: true, composed: true }));
  }

  private changed(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? '').trim() || undefined;
    const preset = PRESETS.find((p) => p === data.get('range'));
    let range: TimeRange = preset ? { preset } : this.filter.range;
    if (data.get('range') === 'custom') {
      const start = new Date(String(data.get('start') ?? '')).getTime();
      const end = new Date(String(data.get('end') ?? '')).getTime();
      range = start < end ? { start, end } : { ...resolveWindow(this.filter.range, Date.now()) };
    }
    const filter: LogbookFilter = { range };
    for (const key of ['entity', 'area', 'user', 'automation'] as const) {
      const value = text(key);
      if (value) filter[key] = value;
    }
    const kind = KINDS.find((k) => k === data.get('kind'));
    if (kind) filter.kind = kind;
    this.send(filter);
  }

  override render() {
    const f = this.filter;
    const areas = [...new Set(this.entities.map((e) => e.area).filter((a): a is string => a !== null))].sort();
    const byName = [...this.entities].sort((a, b) => a.name.localeCompare(b.name));
    const custom = !('preset' in f.range);
    const w = resolveWindow(f.range, Date.now());
    const option = (value: string, label: string, current: string | undefined) => html`<option value=${value} ?selected=${value === (current ?? '')}>${label}</option>`;
    return html`<form class="panel" aria-label=${msg('Logbook filters', { id: 'logbook.filters' })} @change=${(e: Event) => this.changed(e.currentTarget as HTMLFormElement)} @submit=${(e: Event) => e.preventDefault()}>
      <label>${msg('Entity', { id: 'logbook.entity' })}<select name="entity">${option('', msg('All entities', { id: 'logbook.all-entities' }), f.entity)}${byName.map((e) => option(e.id, e.name, f.entity))}</select></label>
      <label>${msg('Area', { id: 'logbook.area' })}<select name="area">${option('', msg('All areas', { id: 'logbook.all-areas' }), f.area)}${areas.map((a) => option(a, titleCase(a), f.area))}</select></label>
      <label>${msg('Kind', { id: 'logbook.kind' })}<select name="kind">${option('', msg('Everything', { id: 'logbook.everything' }), f.kind)}${KINDS.map((k) => option(k, kindLabel(k), f.kind))}</select></label>
      <label>${msg('Automation', { id: 'logbook.automation' })}<select name="automation">${option('', msg('Any or none', { id: 'logbook.any-automation' }), f.automation)}${[...this.automations].map(([id, name]) => option(id, name, f.automation))}</select></label>
      <label>${msg('User', { id: 'settings.user' })}<input name="user" placeholder=${msg('Username', { id: 'login.username' })} autocomplete="off" .value=${f.user ?? ''} /></label>
      <label>${msg('Range', { id: 'logbook.range' })}<select name="range">${PRESETS.map((p) => option(p, msg(str`Last ${presetLabel(p)}`, { id: 'logbook.last' }), 'preset' in f.range ? f.range.preset : 'custom'))}${option('custom', msg('Custom…', { id: 'logbook.custom' }), custom ? 'custom' : undefined)}</select></label>
      ${custom ? html`<label>${msg('From', { id: 'common.from' })}<input type="datetime-local" name="start" .value=${localInputValue(w.start)} /></label>
        <label>${msg('To', { id: 'common.to' })}<input type="datetime-local" name="end" .value=${localInputValue(w.end)} /></label>` : nothing}
      ${isFiltered(f) ? html`<button type="button" @click=${() => this.send({ range: DEFAULT_RANGE })}>${msg('Clear filters', { id: 'logbook.clear-filters' })}</button>` : nothing}
    </form>`;
  }
}
function kindLabel(kind: LogbookKind): string {
  return kind === 'state' ? msg('State changes', { id: 'logbook.kind-state' }) : kind === 'command' ? msg('Commands', { id: 'logbook.kind-command' }) : msg('Audit', { id: 'logbook.kind-audit' });
}

customElements.define('hearth-logbook-filters', HearthLogbookFilters);

declare global {
  interface HTMLElementEventMap {
    'hearth-logbook-filter': CustomEvent<LogbookFilter>;
  }
}
