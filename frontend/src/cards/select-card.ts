import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { stringList } from '../lib/controls.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead } from './head.js';
import { msg } from '../lib/i18n.js';

/** A choice among the entity's `options` (a heating programme, a scene). */
export class HearthSelectCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean } };
  static override styles = [cardStyles, css`select { width: 100%; }`];
  declare entity: EntityState;
  declare pending: boolean;

  override render() {
    const e = this.entity;
    const options = stringList(e.attributes.options);
    return html`<div class="card ${e.available ? '' : 'unavailable'} ${this.pending ? 'pending' : ''}">
      ${cardHead(e)}
      <div class="extra">
        <select aria-label=${e.name} ?disabled=${!e.available}
          @change=${(ev: Event) => sendCommand(this, e.id, 'select_option', { option: (ev.target as HTMLSelectElement).value })}>
          ${options.includes(String(e.state)) ? nothing : html`<option value="" selected disabled>${msg('Choose…', { id: 'common.choose' })}</option>`}
          ${options.map((o) => html`<option value=${o} ?selected=${o === e.state}>${o}</option>`)}
        </select>
      </div>
    </div>`;
  }
}
customElements.define('hearth-select-card', HearthSelectCard);
