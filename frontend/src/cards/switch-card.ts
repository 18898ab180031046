import { LitElement, html } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead } from './head.js';

export class HearthSwitchCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean } };
  static override styles = cardStyles;
  declare entity: EntityState;
  declare pending: boolean;

  override render() {
    const e = this.entity;
    const on = e.state === 'on';
    return html`<div class="card ${isActive(e) ? 'active' : ''} ${e.available ? '' : 'unavailable'} ${this.pending ? 'pending' : ''}">
      ${cardHead(e)}
      <button class="switch" role="switch" aria-checked=${on ? 'true' : 'false'} aria-label="${e.name} power" ?disabled=${!e.available}
        @click=${() => sendCommand(this, e.id, on ? 'turn_off' : 'turn_on')}></button>
    </div>`;
  }
}
customElements.define('hearth-switch-card', HearthSwitchCard);
