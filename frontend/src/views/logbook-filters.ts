import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { titleCase } from '../lib/format.js';
import { DEFAULT_RANGE, localInputValue, PRESETS, resolveWindow, type TimeRange } from '../lib/history-selection.js';
import { isFiltered, KINDS, type LogbookFilter, type LogbookKind } from '../lib/logbook-filter.js';
import { controls } from '../styles/theme.js';

const KIND_LABELS: Record<LogbookKind, string> = { state: 'State changes', command: 'Commands', audit: 'Audit' };

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
    return html`<form class="panel" aria-label="Logbook filters" @change=${(e: Event) => this.changed(e.currentTarget as HTMLFormElement)} @submit=${(e: Event) => e.preventDefault()}>
      <label>Entity<select name="entity">${option('', 'All entities', f.entity)}${byName.map((e) => option(e.id, e.name, f.entity))}</select></label>
      <label>Area<select name="area">${option('', 'All areas', f.area)}${areas.map((a) => option(a, titleCase(a), f.area))}</select></label>
      <label>Kind<select name="kind">${option('', 'Everything', f.kind)}${KINDS.map((k) => option(k, KIND_LABELS[k], f.kind))}</select></label>
      <label>Automation<select name="automation">${option('', 'Any or none', f.automation)}${[...this.automations].map(([id, name]) => option(id, name, f.automation))}</select></label>
      <label>User<input name="user" placeholder="Username" autocomplete="off" .value=${f.user ?? ''} /></label>
      <label>Range<select name="range">${PRESETS.map((p) => option(p, `Last ${p}`, 'preset' in f.range ? f.range.preset : 'custom'))}${option('custom', 'Custom…', custom ? 'custom' : undefined)}</select></label>
      ${custom ? html`<label>From<input type="datetime-local" name="start" .value=${localInputValue(w.start)} /></label>
        <label>To<input type="datetime-local" name="end" .value=${localInputValue(w.end)} /></label>` : nothing}
      ${isFiltered(f) ? html`<button type="button" @click=${() => this.send({ range: DEFAULT_RANGE })}>Clear filters</button>` : nothing}
    </form>`;
  }
}
customElements.define('hearth-logbook-filters', HearthLogbookFilters);

declare global {
  interface HTMLElementEventMap {
    'hearth-logbook-filter': CustomEvent<LogbookFilter>;
  }
}
