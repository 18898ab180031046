import { css, html } from 'lit';
import { CommandCard } from './command-card.js';
import { cardStyles } from './card-styles.js';
import { cardHead, icon, trackFill } from './head.js';
import { formatPercent } from '../lib/format.js';
import { msg, str } from '../lib/i18n.js';

const UP = 'M7 14l5-5 5 5z';
const DOWN = 'M7 10l5 5 5-5z';
const STOP = 'M7 7h10v10H7z';

/**
 * A shutter or a valve (the same states and commands): its name and state on the first row, controls on their own row below
 * (up / stop / down and a position slider) so a narrow card never cuts the name. The
 * slider's filled track is the estimated position, pulsing while the motor runs; its
 * thumb is the target.
 */
export class HearthCoverCard extends CommandCard {
  static override styles = [
    cardStyles,
    css`
      .controls { flex-wrap: nowrap; }
      .buttons button { width: 40px; padding: 0; }
      .controls input { flex: 1; min-width: 0; }
      .moving input::-webkit-slider-runnable-track { animation: pulse 1.2s ease-in-out infinite; }
      @keyframes pulse { 50% { opacity: 0.6; } }
      @media (prefers-reduced-motion: reduce) { .moving input::-webkit-slider-runnable-track { animation: none; } }
    `,
  ];

  override render() {
    const e = this.entity;
    const position = typeof e.attributes.position === 'number' ? e.attributes.position : undefined;
    const target = typeof e.attributes.targetPosition === 'number' ? e.attributes.targetPosition : position;
    const moving = e.state === 'opening' || e.state === 'closing';
    const off = !e.available;
    return html`<div class=${this.cardClass(off)}>
      ${cardHead(e)}
      <div class="controls ${moving ? 'moving' : ''}">
        <div class="buttons" role="group" aria-label=${msg(str`${e.name} controls`, { id: 'card.controls' })}>
          <button aria-label=${msg(str`Open ${e.name}`, { id: 'card.open-named' })} title=${msg('Open', { id: 'card.open' })} ?disabled=${off || position === 100} @click=${() => this.send('open')}>${icon(UP)}</button>
          <button aria-label=${msg(str`Stop ${e.name}`, { id: 'card.stop-named' })} title=${msg('Stop', { id: 'card.stop' })} ?disabled=${off} @click=${() => this.send('stop')}>${icon(STOP)}</button>
          <button aria-label=${msg(str`Close ${e.name}`, { id: 'card.close-named' })} title=${msg('Close', { id: 'card.close' })} ?disabled=${off || position === 0} @click=${() => this.send('close')}>${icon(DOWN)}</button>
        </div>
        ${position === undefined
          ? ''
          : html`<input type="range" min="0" max="100" step="5" .value=${String(target)} style="--fill:${position}%"
              aria-label=${msg(str`${e.name} position`, { id: 'card.position' })} aria-valuetext=${moving ? msg(str`${formatPercent(position)} open, moving to ${formatPercent(target ?? position)}`, { id: 'card.position-moving' }) : msg(str`${formatPercent(position)} open`, { id: 'card.position-open' })} ?disabled=${off}
              @input=${trackFill} @change=${(ev: Event) => this.send('set_position', { position: Number((ev.target as HTMLInputElement).value) })} />`}
      </div>
    </div>`;
  }
}
customElements.define('hearth-cover-card', HearthCoverCard);
