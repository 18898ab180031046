import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { searchEntities } from '../lib/entities.js';
import { titleCase } from '../lib/format.js';
import { controls } from '../styles/theme.js';
import { msg, str } from '../lib/i18n.js';

/** How many matches the list shows: enough to pick from on a phone, few enough to scan. */
const SHOWN = 30;

/** Picks the History view's entities: search by name, area or domain; the picked ones as removable chips. Sends `hearth-history-pick`. */
export class HearthHistoryPicker extends LitElement {
  static override properties = { entities: { attribute: false }, selected: { attribute: false }, colours: { attribute: false }, _query: { state: true }, _open: { state: true } };
  static override styles = [
    controls,
    css`
      .chips { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-bottom: 0.6rem; }
      .chips button { border-radius: 999px; min-height: 32px; padding: 0.15rem 0.7rem; display: inline-flex; gap: 0.4rem; align-items: center; }
      .swatch { width: 0.7rem; height: 0.7rem; border-radius: 50%; display: inline-block; }
      input[type='search'] { width: 100%; box-sizing: border-box; }
      ul { list-style: none; margin: 0.4rem 0 0; padding: 0; max-height: 16rem; overflow-y: auto; }
      li label { display: flex; gap: 0.6rem; align-items: center; color: var(--text); font-size: 0.95rem; padding: 0.45rem 0.2rem; min-height: 40px; }
      .where { color: var(--muted); font-size: 0.8rem; }
    `,
  ];
  declare entities: EntityState[];
  declare selected: string[];
  /** Each picked entity's colour, so the chip matches its line. */
  declare colours: Map<string, string>;
  declare _query: string;
  declare _open: boolean;

  constructor() {
    super();
    this.entities = [];
    this.selected = [];
    this.colours = new Map();
    this._query = '';
    this._open = false;
  }

  private pick(ids: string[]) {
    this.dispatchEvent(new CustomEvent('hearth-history-pick', { detail: { entities: ids }, bubbles: true, composed: true }));
  }

  private toggle(id: string, on: boolean) {
    this.pick(on ? [...this.selected, id] : this.selected.filter((x) => x !== id));
  }

  override render() {
    const byId = new Map(this.entities.map((e) => [e.id, e]));
    const matches = searchEntities(this.entities, this._query).slice(0, SHOWN);
    return html`<div class="chips" aria-label=${msg('Picked entities', { id: 'history.picked' })}>
        ${this.selected.map((id) => html`<button aria-label=${msg(str`Remove ${byId.get(id)?.name ?? id}`, { id: 'history.remove-named' })} @click=${() => this.toggle(id, false)}>
          <span class="swatch" style=${`background:${this.colours.get(id) ?? 'var(--muted)'}`}></span>${byId.get(id)?.name ?? id}<span aria-hidden="true">×</span></button>`)}
        ${this.selected.length ? nothing : html`<span class="muted">${msg('Pick one or more entities to see their history.', { id: 'history.pick-hint' })}</span>`}
      </div>
      <input type="search" placeholder=${msg('Search by name, area or kind', { id: 'history.search-placeholder' })} aria-label=${msg('Search entities', { id: 'history.search' })} .value=${this._query}
        @focus=${() => (this._open = true)} @input=${(e: Event) => ((this._query = (e.target as HTMLInputElement).value), (this._open = true))} />
      ${this._open ? html`<ul aria-label=${msg('Entities', { id: 'history.entities' })}>${matches.map((e) => html`<li><label>
          <input type="checkbox" .checked=${this.selected.includes(e.id)} @change=${(ev: Event) => this.toggle(e.id, (ev.target as HTMLInputElement).checked)} />
          <span>${e.name}<br /><span class="where">${[e.area && titleCase(e.area), titleCase(e.domain)].filter(Boolean).join(' · ')}</span></span>
        </label></li>`)}</ul>
        <button @click=${() => (this._open = false)}>${msg('Done', { id: 'common.done' })}</button>` : nothing}`;
  }
}
customElements.define('hearth-history-picker', HearthHistoryPicker);

declare global {
  interface HTMLElementEventMap {
    'hearth-history-pick': CustomEvent<{ entities: string[] }>;
  }
}
