import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EntityState } from '../api/types.js';
import '../cards/binary-sensor-card.js';
import '../cards/cover-card.js';
import '../cards/light-card.js';
import '../cards/sensor-card.js';
import '../cards/switch-card.js';
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

  private card(e: EntityState) {
    const pending = this.pending.has(e.id);
    switch (e.domain) {
      case 'light':
        return html`<hearth-light-card .entity=${e} ?pending=${pending}></hearth-light-card>`;
      case 'switch':
        return html`<hearth-switch-card .entity=${e} ?pending=${pending}></hearth-switch-card>`;
      case 'cover':
        return html`<hearth-cover-card .entity=${e} ?pending=${pending}></hearth-cover-card>`;
      case 'sensor':
        return html`<hearth-sensor-card .entity=${e} .history=${this.sparklines.get(e.id)}></hearth-sensor-card>`;
      case 'binary_sensor':
        return html`<hearth-binary-sensor-card .entity=${e} .now=${this.now}></hearth-binary-sensor-card>`;
    }
  }

  override render() {
    if (this.entities.length === 0) {
      return html`<div class="panel empty"><h2>No devices yet</h2><p class="muted">Add plugins to hearth.yaml and restart the hub; their entities appear here.</p></div>`;
    }
    return groupByArea(this.entities, this.areas).map(
      (s) => html`<section aria-labelledby="area-${s.area ?? 'other'}">
        <h2 id="area-${s.area ?? 'other'}">${s.title}</h2>
        <div class="grid">${repeat(s.entities, (e) => e.id, (e) => this.card(e))}</div>
      </section>`,
    );
  }
}
customElements.define('hearth-home-view', HearthHomeView);
