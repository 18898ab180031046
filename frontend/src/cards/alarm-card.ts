import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { stringList } from '../lib/controls.js';
import { isActive } from '../lib/entities.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';
import { cardHead } from './head.js';
import { msg, str } from '../lib/i18n.js';

const ARM = [
  ['arm_home', () => msg('Arm home', { id: 'alarm.arm-home' })],
  ['arm_away', () => msg('Arm away', { id: 'alarm.arm-away' })],
  ['arm_night', () => msg('Arm night', { id: 'alarm.arm-night' })],
] as const;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * An alarm panel: its state, who changed it and which zones are open, a keypad (or the
 * keyboard: the code field takes typing too) and the arm / disarm buttons. The code is
 * sent with the command and forgotten; the hub decides whether it is right.
 */
export class HearthAlarmCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean }, _code: { state: true } };
  static override styles = [
    cardStyles,
    css`
      .triggered .state { color: var(--danger); font-weight: 650; }
      .facts { grid-column: 1 / -1; margin: 0; color: var(--muted); font-size: 0.88rem; }
      .keypad { display: grid; grid-template-columns: repeat(3, 3rem); gap: 0.3rem; }
      .keypad button { width: 3rem; }
      .code { display: grid; gap: 0.4rem; align-content: start; }
      .code input { width: 9rem; letter-spacing: 0.2em; }
      .buttons { flex-direction: column; align-items: stretch; }
    `,
  ];
  declare entity: EntityState;
  declare pending: boolean;
  declare _code: string;

  constructor() {
    super();
    this._code = '';
  }

  private send(command: string) {
    const code = this._code;
    this._code = '';
    sendCommand(this, this.entity.id, command, code ? { code } : undefined);
  }

  override render() {
    const e = this.entity;
    const off = !e.available;
    const zones = stringList(e.attributes.openZones);
    const by = typeof e.attributes.changedBy === 'string' ? e.attributes.changedBy : undefined;
    const needCode = e.attributes.codeRequired !== false && !this._code;
    const facts = [by && msg(str`Changed by ${by}`, { id: 'alarm.changed-by' }), zones.length && msg(str`Open: ${zones.join(', ')}`, { id: 'alarm.open-zones' })].filter(Boolean).join(' · ');
    return html`<div class="card ${isActive(e) ? 'active' : ''} ${e.state === 'triggered' ? 'triggered' : ''} ${off ? 'unavailable' : ''} ${this.pending ? 'pending' : ''}">
      ${cardHead(e)}
      ${facts ? html`<p class="facts">${facts}</p>` : nothing}
      <div class="controls">
        <div class="code">
          <input type="password" inputmode="numeric" autocomplete="off" aria-label=${msg(str`${e.name} code`, { id: 'alarm.code-named' })} placeholder=${msg('Code', { id: 'alarm.code' })} .value=${this._code}
            ?disabled=${off} @input=${(ev: Event) => (this._code = (ev.target as HTMLInputElement).value)} />
          <div class="keypad" role="group" aria-label=${msg(str`${e.name} keypad`, { id: 'alarm.keypad' })}>
            ${DIGITS.map((d) => html`<button class="action" ?disabled=${off} @click=${() => (this._code += d)}>${d}</button>`)}
            <button class="action" aria-label=${msg('Clear code', { id: 'alarm.clear-code' })} ?disabled=${off} @click=${() => (this._code = '')}>C</button>
            <button class="action" ?disabled=${off} @click=${() => (this._code += '0')}>0</button>
          </div>
        </div>
        <div class="buttons" role="group" aria-label=${msg(str`${e.name} actions`, { id: 'alarm.actions' })}>
          ${ARM.map(([command, label]) => html`<button ?disabled=${off || needCode || e.state === command.replace('arm', 'armed')} @click=${() => this.send(command)}>${label()}</button>`)}
          <button ?disabled=${off || !this._code || e.state === 'disarmed'} @click=${() => this.send('disarm')}>${msg('Disarm', { id: 'alarm.disarm' })}</button>
        </div>
      </div>
    </div>`;
  }
}
customElements.define('hearth-alarm-card', HearthAlarmCard);
