import { html, type TemplateResult } from 'lit';
import type { EntityState } from '../api/types.js';
import type { Point } from '../lib/sparkline.js';
import './binary-sensor-card.js';
import './cover-card.js';
import './light-card.js';
import './sensor-card.js';
import './switch-card.js';

export interface CardInputs {
  pending?: boolean;
  /** A sensor's sparkline points. */
  history?: Point[] | undefined;
  /** The shell's minute tick, for "5 min ago" lines. */
  now?: number;
  /** On the entity's own page: a card may show more there (the weather its hourly forecast). */
  detail?: boolean;
}

let more: Promise<unknown> | undefined;

/**
 * The card for an entity. Lights, switches, shutters and sensors are in every home and
 * in the first chunk; the other domains' cards load on first use (a custom element
 * rendered before its definition upgrades, with its properties, once the chunk lands).
 */
export function cardFor(e: EntityState, { pending = false, history, now = Date.now(), detail = false }: CardInputs = {}): TemplateResult {
  switch (e.domain) {
    case 'light':
      return html`<hearth-light-card .entity=${e} ?pending=${pending}></hearth-light-card>`;
    case 'switch':
    case 'siren':
      return html`<hearth-switch-card .entity=${e} ?pending=${pending}></hearth-switch-card>`;
    case 'cover':
    case 'valve':
      return html`<hearth-cover-card .entity=${e} ?pending=${pending}></hearth-cover-card>`;
    case 'sensor':
      return html`<hearth-sensor-card .entity=${e} .history=${history}></hearth-sensor-card>`;
    case 'binary_sensor':
      return html`<hearth-binary-sensor-card .entity=${e} .now=${now}></hearth-binary-sensor-card>`;
  }
  more ??= import('./more-cards.js');
  switch (e.domain) {
    case 'climate':
      return html`<hearth-climate-card .entity=${e} ?pending=${pending}></hearth-climate-card>`;
    case 'lock':
      return html`<hearth-lock-card .entity=${e} ?pending=${pending}></hearth-lock-card>`;
    case 'fan':
      return html`<hearth-fan-card .entity=${e} ?pending=${pending}></hearth-fan-card>`;
    case 'button':
      return html`<hearth-button-card .entity=${e} ?pending=${pending} .now=${now}></hearth-button-card>`;
    case 'number':
      return html`<hearth-number-card .entity=${e} ?pending=${pending}></hearth-number-card>`;
    case 'select':
      return html`<hearth-select-card .entity=${e} ?pending=${pending}></hearth-select-card>`;
    case 'alarm_control_panel':
      return html`<hearth-alarm-card .entity=${e} ?pending=${pending}></hearth-alarm-card>`;
    case 'weather':
      return html`<hearth-weather-card .entity=${e} ?detail=${detail}></hearth-weather-card>`;
    case 'schedule':
      return html`<hearth-schedule-card .entity=${e} .now=${now}></hearth-schedule-card>`;
  }
}
