import { html } from 'lit';
import { CommandCard } from './command-card.js';
import { cardHead } from './head.js';
import { msg, str } from '../lib/i18n.js';

export class HearthSwitchCard extends CommandCard {
  override render() {
    const e = this.entity;
    const on = e.state === 'on';
    return html`<div class=${this.cardClass()}>
      ${cardHead(e)}
      <button class="switch" role="switch" aria-checked=${on ? 'true' : 'false'} aria-label=${msg(str`${e.name} power`, { id: 'card.power' })} ?disabled=${!e.available}
        @click=${() => this.send(on ? 'turn_off' : 'turn_on')}></button>
    </div>`;
  }
}
customElements.define('hearth-switch-card', HearthSwitchCard);
