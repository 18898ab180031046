import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EntityState } from '../api/types.js';
import { cardFor } from '../cards/pick.js';
import { groupByArea } from '../lib/entities.js';
import type { Point } from '../lib/sparkline.js';
import { controls } from '../styles/theme.js';

/** Home: every entity, grouped by area, one card per entity. */
export class HearthHomeView extends LitElement {
  static override properties = {
    entities: { attribute: false },
    areas: { attribute: false },
    sparklines: { attribute: false },
    pending: { attribute: false },
    now: { type: Number },
  };
  static override styles = [
    controls,
    css`
      section { margin-bottom: 1.6rem; }
      h2 { font-size: 1.05rem; margin: 0 0 0.7rem 0.2rem; color: var(--muted); }
      .grid { display: grid; gap: 0.7rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr)); }
      .empty { text-align: center; padding: 3rem 1rem; }
    `,
  ];
  declare entities: EntityState[];
  declare areas: string[];
  declare sparklines: Map<string, Point[]>;
  declare pending: Set<string>;
  declare now: number;

  constructor() {
    super();
    this.entities = [];
    this.areas = [];
    this.sparklines = new Map();
    this.pending = new Set();
  }

  override render() {
    // `hidden: true` (hearth.yaml) keeps an entity off the dashboard, not out of the hub.
    const shown = this.entities.filter((e) => e.attributes.hidden !== true);
    if (shown.length === 0) {
      return html`<div class="panel empty"><h2>No devices yet</h2><p class="muted">Add plugins to hearth.yaml and restart the hub; their entities appear here.</p></div>`;
    }
    return groupByArea(shown, this.areas).map(
      (s) => html`<section aria-labelledby="area-${s.area ?? 'other'}">
        <h2 id="area-${s.area ?? 'other'}">${s.title}</h2>
        <div class="grid">${repeat(s.entities, (e) => e.id, (e) => cardFor(e, { pending: this.pending.has(e.id), history: this.sparklines.get(e.id), now: this.now }))}</div>
      </section>`,
    );
  }
}
customElements.define('hearth-home-view', HearthHomeView);
