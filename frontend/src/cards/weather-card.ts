import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/types.js';
import { compassPoint, forecastLabels, forecastRows, type ForecastRow } from '../lib/controls.js';
import { WEATHER_ICONS } from '../lib/entities.js';
import { formatNumber, formatTime, stateWord, stringAttr } from '../lib/format.js';
import { cardStyles } from './card-styles.js';
import { cardHead, icon } from './head.js';
import { msg, str } from '../lib/i18n.js';

/**
 * The weather now (condition, temperature, humidity, wind), a strip of the daily
 * forecast and, on the entity's own page (`detail`), the hourly one; a forecast kept
 * while the source is unreachable says since when.
 */
export class HearthWeatherCard extends LitElement {
  static override properties = { entity: { attribute: false }, detail: { type: Boolean } };
  static override styles = [
    cardStyles,
    css`
      /* The strip scrolls inside the card: its columns must not widen the card past a phone's screen. */
      .card { grid-template-columns: auto minmax(0, 1fr) auto; }
      .facts, .stale { grid-column: 1 / -1; margin: 0; font-size: 0.88rem; }
      .facts { color: var(--muted); }
      .stale { color: var(--text); background: var(--surface-2); border-radius: var(--radius-sm); padding: 0.2rem 0.5rem; justify-self: start; }
      h4 { grid-column: 1 / -1; margin: 0.3rem 0 0; font-size: 0.8rem; font-weight: 600; color: var(--muted); }
      /* One column per day or hour; a phone scrolls the strip sideways rather than squeezing it. Each
         item holds its screen-reader word (absolutely placed), so the strip clips it too. */
      .strip { grid-column: 1 / -1; min-width: 0; list-style: none; margin: 0; padding: 0 0 0.2rem; display: grid; grid-auto-flow: column;
        grid-auto-columns: minmax(3.3rem, 1fr); gap: 0.25rem; overflow-x: auto; overscroll-behavior-x: contain;
        font-variant-numeric: tabular-nums; text-align: center; font-size: 0.88rem; }
      .strip li { position: relative; display: grid; justify-items: center; align-content: start; gap: 0.1rem; padding: 0.2rem 0; }
      .strip svg { width: 24px; height: 24px; fill: var(--muted); }
      .low, .rain { color: var(--muted); }
    `,
  ];
  declare entity: EntityState;
  declare detail: boolean;

  override render() {
    const e = this.entity;
    const a = e.attributes;
    const unit = stringAttr(a.unit) ?? '°C';
    const speedUnit = stringAttr(a.windSpeedUnit) ?? 'km/h';
    const facts = [
      typeof a.humidity === 'number' && msg(str`Humidity ${formatNumber(a.humidity, '%')}`, { id: 'weather.humidity' }),
      typeof a.windSpeed === 'number' && msg(str`Wind ${formatNumber(a.windSpeed, speedUnit)}`, { id: 'weather.wind' }) + (typeof a.windBearing === 'number' ? ` ${compassPoint(a.windBearing)}` : ''),
      typeof a.pressure === 'number' && formatNumber(a.pressure, 'hPa'),
    ].filter(Boolean);
    const lastUpdate = stringAttr(a.lastUpdate);
    return html`<div class="card ${e.available ? '' : 'unavailable'}">
      ${cardHead(e)}
      <span class="value">${typeof a.temperature === 'number' ? formatNumber(a.temperature, unit) : ''}</span>
      ${facts.length ? html`<p class="facts">${facts.join(' · ')}</p>` : nothing}
      ${a.stale === true ? html`<p class="stale" role="status">${lastUpdate ? msg(str`Offline · forecast from ${formatTime(lastUpdate)}`, { id: 'weather.stale' }) : msg('Offline · earlier forecast', { id: 'weather.stale-earlier' })}</p>` : nothing}
      ${this.strip(forecastRows(a.forecast, 7), msg(str`${e.name} daily forecast`, { id: 'weather.daily' }), unit)}
      ${this.detail ? html`<h4>${msg('Next 48 hours', { id: 'weather.next-48h' })}</h4>${this.strip(forecastRows(a.forecastHourly, 48), msg(str`${e.name} hourly forecast`, { id: 'weather.hourly' }), unit)}` : nothing}
    </div>`;
  }

  private strip(rows: ForecastRow[], label: string, unit: string) {
    if (!rows.length) return nothing;
    const labels = forecastLabels(rows);
    // focusable: it scrolls sideways on a phone, and a keyboard must be able to scroll it too
    return html`<ul class="strip" aria-label=${label} tabindex="0">
      ${rows.map((r, i) => html`<li>
        <span>${labels[i]}</span>
        ${r.condition ? html`${icon(WEATHER_ICONS[r.condition] ?? '')}<span class="sr-only">${stateWord('weather', r.condition)}</span>` : nothing}
        <span>${r.temperature === undefined ? '' : formatNumber(r.temperature, unit)}</span>
        ${r.templow === undefined ? nothing : html`<span class="low">${formatNumber(r.templow, unit)}</span>`}
        ${rain(r)}
      </li>`)}
    </ul>`;
  }
}

/** The chance of rain when the source gives it, else the amount. */
function rain(r: ForecastRow) {
  if (r.precipitationProbability !== undefined) return r.precipitationProbability > 0 ? html`<span class="rain">${formatNumber(r.precipitationProbability, '%')}</span>` : nothing;
  return r.precipitation ? html`<span class="rain">${formatNumber(r.precipitation, 'mm')}</span>` : nothing;
}

customElements.define('hearth-weather-card', HearthWeatherCard);
