import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { forecastLabels, forecastRows } from '../lib/controls.js';
import { WEATHER_ICONS } from '../lib/entities.js';
import { formatNumber, stateWord, stringAttr } from '../lib/format.js';
import { cardStyles } from './card-styles.js';
import { cardHead, icon } from './head.js';

/** The weather now (condition, temperature, humidity, wind) and the next few forecast rows. */
export class HearthWeatherCard extends LitElement {
  static override properties = { entity: { attribute: false } };
  static override styles = [
    cardStyles,
    css`
      .facts { grid-column: 1 / -1; margin: 0; color: var(--muted); font-size: 0.88rem; }
      .forecast { grid-column: 1 / -1; list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2rem; font-variant-numeric: tabular-nums; }
      .forecast li { display: grid; grid-template-columns: 3.5rem 24px 1fr auto; gap: 0.5rem; align-items: center; }
      .forecast svg { width: 22px; height: 22px; fill: var(--muted); }
      .low, .rain { color: var(--muted); }
    `,
  ];
  declare entity: EntityState;

  override render() {
    const e = this.entity;
    const a = e.attributes;
    const unit = stringAttr(a.unit) ?? '°C';
    const rows = forecastRows(a.forecast);
    const labels = forecastLabels(rows);
    const facts = [
      typeof a.humidity === 'number' && `Humidity ${formatNumber(a.humidity, '%')}`,
      typeof a.windSpeed === 'number' && `Wind ${formatNumber(a.windSpeed, stringAttr(a.windSpeedUnit) ?? 'km/h')}`,
      typeof a.pressure === 'number' && formatNumber(a.pressure, 'hPa'),
    ].filter(Boolean);
    return html`<div class="card ${e.available ? '' : 'unavailable'}">
      ${cardHead(e)}
      <span class="value">${typeof a.temperature === 'number' ? formatNumber(a.temperature, unit) : ''}</span>
      ${facts.length ? html`<p class="facts">${facts.join(' · ')}</p>` : nothing}
      ${rows.length
        ? html`<ul class="forecast" aria-label="${e.name} forecast">
            ${rows.map((r, i) => html`<li>
              <span>${labels[i]}</span>
              ${r.condition ? html`${icon(WEATHER_ICONS[r.condition] ?? '')}<span class="sr-only">${stateWord('weather', r.condition)}</span>` : html`<span></span>`}
              <span>${r.temperature === undefined ? '' : formatNumber(r.temperature, unit)}${r.templow === undefined ? '' : html` <span class="low">/ ${formatNumber(r.templow, unit)}</span>`}</span>
              <span class="rain">${r.precipitation ? formatNumber(r.precipitation, 'mm') : ''}</span>
            </li>`)}
          </ul>`
        : nothing}
    </div>`;
  }
}
customElements.define('hearth-weather-card', HearthWeatherCard);
