import { html, nothing } from 'lit';
import { CommandCard } from './command-card.js';
import { cardHead, trackFill } from './head.js';
import { formatPercent } from '../lib/format.js';
import { msg, str } from '../lib/i18n.js';

/** A fan: a switch, and a speed slider (percentage) when the fan reports one. */
export class HearthFanCard extends CommandCard {
  override render() {
    const e = this.entity;
    const on = e.state === 'on';
    const speed = typeof e.attributes.percentage === 'number' ? e.attributes.percentage : undefined;
    return html`<div class=${this.cardClass()}>
      ${cardHead(e)}
      <button class="switch" role="switch" aria-checked=${on ? 'true' : 'false'} aria-label=${msg(str`${e.name} power`, { id: 'card.power' })} ?disabled=${!e.available}
        @click=${() => this.send(on ? 'turn_off' : 'turn_on')}></button>
      ${speed === undefined
        ? nothing
        : html`<div class="extra"><input type="range" min="0" max="100" step="10" .value=${String(speed)} style="--fill:${on ? speed : 0}%"
            aria-label=${msg(str`${e.name} speed`, { id: 'card.speed' })} aria-valuetext=${formatPercent(speed)} ?disabled=${!e.available} @input=${trackFill}
            @change=${(ev: Event) => this.send('set_percentage', { percentage: Number((ev.target as HTMLInputElement).value) })} /></div>`}
    </div>`;
  }
}
customElements.define('hearth-fan-card', HearthFanCard);
