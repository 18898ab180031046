import { LitElement, html } from 'lit';
import type { EntityState } from '../api/types.js';
import { formatState } from '../lib/format.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead } from './head.js';
import { msg, str } from '../lib/i18n.js';

/** A button (doorbell test, "reboot router"…): one press, and when it was last pressed. */
export class HearthButtonCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean }, now: { type: Number } };
  static override styles = cardStyles;
  declare entity: EntityState;
  declare pending: boolean;
  /** The shell's minute tick keeps "5 min ago" true. */
  declare now: number;

  override render() {
    const e = this.entity;
    return html`<div class="card ${e.available ? '' : 'unavailable'} ${this.pending ? 'pending' : ''}">
      ${cardHead(e, formatState(e, this.now ?? Date.now()))}
      <button class="action" aria-label=${msg(str`Press ${e.name}`, { id: 'card.press-named' })} ?disabled=${!e.available} @click=${() => sendCommand(this, e.id, 'press')}>${msg('Press', { id: 'card.press' })}</button>
    </div>`;
  }
}
customElements.define('hearth-button-card', HearthButtonCard);
