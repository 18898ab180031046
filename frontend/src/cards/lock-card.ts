import { LitElement, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead } from './head.js';

type Risky = 'unlock' | 'open';
const ASK: Record<Risky, string> = { unlock: 'Unlock', open: 'Open' };

/**
 * A door lock. Locking is one tap; unlocking and opening ask first, on the card itself
 * (no modal), because a stray tap must not open the house.
 */
export class HearthLockCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean }, _asking: { state: true } };
  static override styles = cardStyles;
  declare entity: EntityState;
  declare pending: boolean;
  declare _asking: Risky | undefined;

  private send(command: string) {
    this._asking = undefined;
    sendCommand(this, this.entity.id, command);
  }

  override updated(changed: Map<string, unknown>) {
    // Keyboard users land on the question they just raised.
    if (changed.has('_asking') && this._asking) this.renderRoot.querySelector<HTMLButtonElement>('.confirm')?.focus();
  }

  override render() {
    const e = this.entity;
    const off = !e.available;
    const locked = e.state === 'locked' || e.state === 'locking';
    const asking = this._asking;
    return html`<div class="card ${isActive(e) ? 'active' : ''} ${off ? 'unavailable' : ''} ${this.pending ? 'pending' : ''}">
      ${cardHead(e)}
      <div class="controls">
        ${asking
          ? html`<span role="alert">${ASK[asking]} ${e.name}?</span>
              <div class="buttons">
                <button class="confirm" aria-label="Confirm: ${ASK[asking].toLowerCase()} ${e.name}" @click=${() => this.send(asking)}>${ASK[asking]}</button>
                <button @click=${() => (this._asking = undefined)}>Cancel</button>
              </div>`
          : html`<div class="buttons" role="group" aria-label="${e.name} controls">
              ${locked ? nothing : html`<button aria-label="Lock ${e.name}" ?disabled=${off} @click=${() => this.send('lock')}>Lock</button>`}
              ${locked || e.state === 'jammed' ? html`<button aria-label="Unlock ${e.name}" ?disabled=${off} @click=${() => (this._asking = 'unlock')}>Unlock</button>` : nothing}
              <button aria-label="Open ${e.name}" ?disabled=${off} @click=${() => (this._asking = 'open')}>Open</button>
            </div>`}
      </div>
    </div>`;
  }
}
customElements.define('hearth-lock-card', HearthLockCard);
