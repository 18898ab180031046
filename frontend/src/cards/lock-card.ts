import { LitElement, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead } from './head.js';
import { msg, str } from '../lib/i18n.js';

type Risky = 'unlock' | 'open';

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
          ? html`<span role="alert">${asking === 'unlock' ? msg(str`Unlock ${e.name}?`, { id: 'lock.ask-unlock' }) : msg(str`Open ${e.name}?`, { id: 'lock.ask-open' })}</span>
              <div class="buttons">
                <button class="confirm" aria-label=${asking === 'unlock' ? msg(str`Confirm: unlock ${e.name}`, { id: 'lock.confirm-unlock' }) : msg(str`Confirm: open ${e.name}`, { id: 'lock.confirm-open' })}
                  @click=${() => this.send(asking)}>${asking === 'unlock' ? msg('Unlock', { id: 'lock.unlock' }) : msg('Open', { id: 'card.open' })}</button>
                <button @click=${() => (this._asking = undefined)}>${msg('Cancel', { id: 'common.cancel' })}</button>
              </div>`
          : html`<div class="buttons" role="group" aria-label=${msg(str`${e.name} controls`, { id: 'card.controls' })}>
              ${locked ? nothing : html`<button aria-label=${msg(str`Lock ${e.name}`, { id: 'lock.lock-named' })} ?disabled=${off} @click=${() => this.send('lock')}>${msg('Lock', { id: 'lock.lock' })}</button>`}
              ${locked || e.state === 'jammed' ? html`<button aria-label=${msg(str`Unlock ${e.name}`, { id: 'lock.unlock-named' })} ?disabled=${off} @click=${() => (this._asking = 'unlock')}>${msg('Unlock', { id: 'lock.unlock' })}</button>` : nothing}
              <button aria-label=${msg(str`Open ${e.name}`, { id: 'card.open-named' })} ?disabled=${off} @click=${() => (this._asking = 'open')}>${msg('Open', { id: 'card.open' })}</button>
            </div>`}
      </div>
    </div>`;
  }
}
customElements.define('hearth-lock-card', HearthLockCard);
