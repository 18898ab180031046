import { LitElement, css, html } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { cardStyles } from './card-styles.js';
import { commandEvent } from './events.js';
import { cardHead, icon } from './head.js';

const UP = 'M7 14l5-5 5 5z';
const DOWN = 'M7 10l5 5 5-5z';
const STOP = 'M7 7h10v10H7z';

/** A shutter: up / stop / down, a position slider, and a bar showing the estimated position while it moves. */
export class HearthCoverCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean } };
  static override styles = [
    cardStyles,
    css`
      .buttons { display: flex; gap: 0.3rem; }
      .buttons button { min-width: 40px; padding: 0.3rem; display: grid; place-items: center; }
      .buttons svg { width: 22px; height: 22px; fill: currentColor; }
      .track { position: relative; height: 6px; border-radius: 3px; background: var(--surface-2); overflow: hidden; margin-bottom: 0.3rem; }
      .fill { position: absolute; inset: 0 auto 0 0; background: var(--on); transition: width 0.4s linear; }
      .moving .fill { animation: pulse 1.2s ease-in-out infinite; }
      @keyframes pulse { 50% { opacity: 0.55; } }
      @media (prefers-reduced-motion: reduce) { .moving .fill { animation: none; } }
    `,
  ];
  declare entity: EntityState;
  declare pending: boolean;

  private send(command: string, params?: Record<string, unknown>) {
    this.dispatchEvent(commandEvent({ entityId: this.entity.id, command, ...(params && { params }) }));
  }

  override render() {
    const e = this.entity;
    const position = typeof e.attributes.position === 'number' ? e.attributes.position : undefined;
    const moving = e.state === 'opening' || e.state === 'closing';
    const off = !e.available;
    return html`<div class="card ${isActive(e) ? 'active' : ''} ${off ? 'unavailable' : ''} ${this.pending ? 'pending' : ''}">
      ${cardHead(e)}
      <div class="buttons" role="group" aria-label="${e.name} controls">
        <button aria-label="Open ${e.name}" title="Open" ?disabled=${off || position === 100} @click=${() => this.send('open')}>${icon(UP)}</button>
        <button aria-label="Stop ${e.name}" title="Stop" ?disabled=${off} @click=${() => this.send('stop')}>${icon(STOP)}</button>
        <button aria-label="Close ${e.name}" title="Close" ?disabled=${off || position === 0} @click=${() => this.send('close')}>${icon(DOWN)}</button>
      </div>
      ${position === undefined
        ? ''
        : html`<div class="extra ${moving ? 'moving' : ''}">
            <div class="track" role="progressbar" aria-label="${e.name} position" aria-valuenow=${position} aria-valuemin="0" aria-valuemax="100">
              <div class="fill" style="width:${position}%"></div>
            </div>
            <input type="range" min="0" max="100" step="5" .value=${String(typeof e.attributes.targetPosition === 'number' ? e.attributes.targetPosition : position)}
              aria-label="${e.name} target position" ?disabled=${off}
              @change=${(ev: Event) => this.send('set_position', { position: Number((ev.target as HTMLInputElement).value) })} />
          </div>`}
    </div>`;
  }
}
customElements.define('hearth-cover-card', HearthCoverCard);
