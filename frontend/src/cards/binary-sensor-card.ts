import { LitElement, html } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { formatRelative, formatState } from '../lib/format.js';
import { cardStyles } from './card-styles.js';
import { cardHead } from './head.js';

/** Motion, door, window…: icon by device class, and since when it has been so. */
export class HearthBinarySensorCard extends LitElement {
  static override properties = { entity: { attribute: false }, now: { type: Number } };
  static override styles = cardStyles;
  declare entity: EntityState;
  /** The shell ticks this once a minute so "since" stays true without a timer per card. */
  declare now: number;

  override render() {
    const e = this.entity;
    const since = e.available && e.state !== null ? ` · ${formatRelative(e.lastChanged, this.now ?? Date.now())}` : '';
    return html`<div class="card ${isActive(e) ? 'active' : ''} ${e.available ? '' : 'unavailable'}">
      ${cardHead(e, `${formatState(e)}${since}`)}
    </div>`;
  }
}
customElements.define('hearth-binary-sensor-card', HearthBinarySensorCard);
