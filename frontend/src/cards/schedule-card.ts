import { LitElement, html } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { formatState, formatTime } from '../lib/format.js';
import { scheduleEditorPath } from '../lib/router.js';
import { cardStyles } from './card-styles.js';
import { cardHead } from './head.js';
import { msg, str } from '../lib/i18n.js';

/** A weekly schedule, read-only here (its link opens the week-grid editor): inside or outside a block, the block's value, and when that changes. */
export class HearthScheduleCard extends LitElement {
  static override properties = { entity: { attribute: false }, now: { type: Number } };
  static override styles = cardStyles;
  declare entity: EntityState;
  declare now: number;

  override render() {
    const e = this.entity;
    const next = typeof e.attributes.next === 'string' ? e.attributes.next : undefined;
    const at = next && formatTime(next, this.now ?? Date.now());
    const change = e.available && at ? ` · ${e.state === 'on' ? msg(str`until ${at}`, { id: 'schedule.until' }) : msg(str`next ${at}`, { id: 'schedule.next' })}` : '';
    const value = e.attributes.value;
    return html`<div class="card ${isActive(e) ? 'active' : ''} ${e.available ? '' : 'unavailable'}">
      ${cardHead(e, `${formatState(e)}${change}`)}
      <span class="value">${e.state === 'on' && (typeof value === 'number' || typeof value === 'string') ? String(value) : ''}</span>
      <div class="controls"><a href=${scheduleEditorPath(e.id)} aria-label=${msg(str`Edit week: ${e.name}`, { id: 'schedule.edit-week-named' })}>${msg('Edit week', { id: 'schedule.edit-week' })}</a></div>
    </div>`;
  }
}
customElements.define('hearth-schedule-card', HearthScheduleCard);
