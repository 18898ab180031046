import { LitElement, css, html, svg } from 'lit';
import type { EntityState } from '../api/types.js';
import { deviceClassName, formatState } from '../lib/format.js';
import { sparklinePath, type Point } from '../lib/sparkline.js';
import { cardStyles } from './card-styles.js';
import { cardHead } from './head.js';
import { msg, str } from '../lib/i18n.js';

/** A reading with its unit and a 24 h sparkline (the shell hands in the points); an enum sensor's word instead. */
export class HearthSensorCard extends LitElement {
  static override properties = { entity: { attribute: false }, history: { attribute: false } };
  static override styles = [
    cardStyles,
    css`
      .spark { grid-column: 1 / -1; height: 32px; width: 100%; display: block; }
      .spark path { fill: none; stroke: var(--accent); stroke-width: 1.6; vector-effect: non-scaling-stroke; }
    `,
  ];
  declare entity: EntityState;
  declare history: Point[] | undefined;

  override render() {
    const e = this.entity;
    // The current value holds until now: a steady sensor still draws its (flat) day.
    const points = this.history?.length && typeof e.state === 'number' ? [...this.history, [Date.now(), e.state] as const] : [];
    const path = points.length > 1 ? sparklinePath(points, 200, 32) : '';
    return html`<div class="card ${e.available ? '' : 'unavailable'}">
      ${cardHead(e, e.attributes.deviceClass && e.attributes.deviceClass !== 'enum' ? deviceClassName(String(e.attributes.deviceClass)) : msg('Sensor', { id: 'sensor.sensor' }))}
      <span class="value">${formatState(e)}</span>
      ${path
        ? html`<svg class="spark" viewBox="0 0 200 32" preserveAspectRatio="none" role="img" aria-label=${msg(str`${e.name}, last 24 hours`, { id: 'sensor.sparkline' })}>${svg`<path d=${path}></path>`}</svg>`
        : ''}
    </div>`;
  }
}
customElements.define('hearth-sensor-card', HearthSensorCard);
