import { html, nothing } from 'lit';
import { CommandCard } from './command-card.js';
import { cardHead, trackFill } from './head.js';
import { msg, str } from '../lib/i18n.js';

/** A light: a switch, and a brightness slider when the light is dimmable. */
export class HearthLightCard extends CommandCard {
  override render() {
    const e = this.entity;
    const on = e.state === 'on';
    const dimmable = typeof e.attributes.brightness === 'number';
    return html`<div class=${this.cardClass()}>
      ${cardHead(e)}
      <button class="switch" role="switch" aria-checked=${on ? 'true' : 'false'} aria-label=${msg(str`${e.name} power`, { id: 'card.power' })} ?disabled=${!e.available}
        @click=${() => this.send(on ? 'turn_off' : 'turn_on')}></button>
      ${dimmable
        ? html`<div class="extra"><input type="range" min="1" max="100" .value=${String(e.attributes.brightness)}
            style="--fill:${on ? Number(e.attributes.brightness) : 0}%" aria-label=${msg(str`${e.name} brightness`, { id: 'card.brightness' })}
            ?disabled=${!e.available} @input=${trackFill} @change=${(ev: Event) => this.send('turn_on', { brightness: Number((ev.target as HTMLInputElement).value) })} /></div>`
        : nothing}
    </div>`;
  }
}
customElements.define('hearth-light-card', HearthLightCard);
