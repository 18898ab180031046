import { LitElement, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead, trackFill } from './head.js';

/** A fan: a switch, and a speed slider (percentage) when the fan reports one. */
export class HearthFanCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean } };
  static override styles = cardStyles;
  declare entity: EntityState;
  declare pending: boolean;

  private send(command: string, params?: Record<string, unknown>) {
    sendCommand(this, this.entity.id, command, params);
  }

  override render() {
    const e = this.entity;
    const on = e.state === 'on';
    const speed = typeof e.attributes.percentage === 'number' ? e.attributes.percentage : undefined;
    return html`<div class="card ${isActive(e) ? 'active' : ''} ${e.available ? '' : 'unavailable'} ${this.pending ? 'pending' : ''}">
      ${cardHead(e)}
      <button class="switch" role="switch" aria-checked=${on ? 'true' : 'false'} aria-label="${e.name} power" ?disabled=${!e.available}
        @click=${() => this.send(on ? 'turn_off' : 'turn_on')}></button>
      ${speed === undefined
        ? nothing
        : html`<div class="extra"><input type="range" min="0" max="100" step="10" .value=${String(speed)} style="--fill:${on ? speed : 0}%"
            aria-label="${e.name} speed" aria-valuetext="${speed}%" ?disabled=${!e.available} @input=${trackFill}
            @change=${(ev: Event) => this.send('set_percentage', { percentage: Number((ev.target as HTMLInputElement).value) })} /></div>`}
    </div>`;
  }
}
customElements.define('hearth-fan-card', HearthFanCard);
