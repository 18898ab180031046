import { LitElement, css, html } from 'lit';
import type { EntityState } from '../api/types.js';
import { numberControl, snap } from '../lib/controls.js';
import { formatNumber, formatState } from '../lib/format.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead, trackFill } from './head.js';

/** A settable number (a setpoint, a duration): a slider, or a field when the entity's `mode` is `box`. */
export class HearthNumberCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean } };
  static override styles = [cardStyles, css`input[type='number'] { width: 8rem; }`];
  declare entity: EntityState;
  declare pending: boolean;

  private set(ev: Event) {
    const input = ev.target as HTMLInputElement;
    const range = numberControl(this.entity.attributes);
    if (input.value === '' || !Number.isFinite(Number(input.value))) return;
    const value = snap(Number(input.value), range);
    input.value = String(value);
    sendCommand(this, this.entity.id, 'set_value', { value });
  }

  override render() {
    const e = this.entity;
    const c = numberControl(e.attributes);
    const value = typeof e.state === 'number' ? e.state : c.min;
    const fill = c.max > c.min ? ((value - c.min) / (c.max - c.min)) * 100 : 0;
    const field =
      c.mode === 'box'
        ? html`<input type="number" min=${c.min} max=${c.max} step=${c.step} .value=${String(value)} aria-label="${e.name}${c.unit ? ` (${c.unit})` : ''}"
            ?disabled=${!e.available} @change=${(ev: Event) => this.set(ev)} />`
        : html`<input type="range" min=${c.min} max=${c.max} step=${c.step} .value=${String(value)} style="--fill:${fill}%" aria-label=${e.name}
            aria-valuetext=${formatNumber(value, c.unit)} ?disabled=${!e.available} @input=${trackFill} @change=${(ev: Event) => this.set(ev)} />`;
    return html`<div class="card ${e.available ? '' : 'unavailable'} ${this.pending ? 'pending' : ''}">
      ${cardHead(e, c.unit ? `${formatNumber(c.min, c.unit)} – ${formatNumber(c.max, c.unit)}` : `${formatNumber(c.min)} – ${formatNumber(c.max)}`)}
      <span class="value">${formatState(e)}</span>
      <div class="extra">${field}</div>
    </div>`;
  }
}
customElements.define('hearth-number-card', HearthNumberCard);
