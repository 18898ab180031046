import { css, html, nothing } from 'lit';
import { CommandCard } from './command-card.js';
import { stepTarget, stringList } from '../lib/controls.js';
import { scheduleEditorPath } from '../lib/router.js';
import { formatNumber, presetName, stateWord } from '../lib/format.js';
import { cardStyles } from './card-styles.js';
import { cardHead, icon } from './head.js';
import { msg, str } from '../lib/i18n.js';

const MINUS = 'M5 11h14v2H5z';
const PLUS = 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z';
const HVAC_MODES = ['off', 'heat', 'cool', 'auto'];

/** A thermostat: the room's temperature, the target with − / + by its step, the mode and the preset. */
export class HearthClimateCard extends CommandCard {
  static override styles = [
    cardStyles,
    css`
      .target { display: flex; align-items: center; gap: 0.4rem; }
      .target output { min-width: 4.5rem; text-align: center; font-weight: 600; font-variant-numeric: tabular-nums; }
      select { flex: 1 1 7rem; }
    `,
  ];

  override render() {
    const e = this.entity;
    const a = e.attributes;
    const unit = typeof a.unit === 'string' ? a.unit : '°C';
    const off = !e.available;
    const down = stepTarget(a, -1);
    const up = stepTarget(a, 1);
    const modes = stringList(a.hvacModes).length ? stringList(a.hvacModes) : HVAC_MODES;
    const presets = stringList(a.presets);
    return html`<div class=${this.cardClass(off)}>
      ${cardHead(e)}
      <span class="value" title=${msg('Current temperature', { id: 'card.current-temperature' })}>${typeof a.currentTemperature === 'number' ? formatNumber(a.currentTemperature, unit) : '–'}</span>
      <div class="controls">
        <div class="target" role="group" aria-label=${msg(str`${e.name} target temperature`, { id: 'card.target-temperature' })}>
          <button class="action" aria-label=${msg(str`Lower ${e.name} target`, { id: 'card.lower-target' })} ?disabled=${off || down === undefined}
            @click=${() => this.send('set_temperature', { temperature: down })}>${icon(MINUS)}</button>
          <output aria-live="polite">${typeof a.targetTemperature === 'number' ? `→ ${formatNumber(a.targetTemperature, unit)}` : '–'}</output>
          <button class="action" aria-label=${msg(str`Raise ${e.name} target`, { id: 'card.raise-target' })} ?disabled=${off || up === undefined}
            @click=${() => this.send('set_temperature', { temperature: up })}>${icon(PLUS)}</button>
        </div>
        <select aria-label=${msg(str`${e.name} mode`, { id: 'card.mode' })} ?disabled=${off} @change=${(ev: Event) => this.send('set_hvac_mode', { mode: (ev.target as HTMLSelectElement).value })}>
          ${modes.map((m) => html`<option value=${m} ?selected=${m === e.state}>${stateWord('climate', m)}</option>`)}
        </select>
        ${presets.length
          ? html`<select aria-label=${msg(str`${e.name} preset`, { id: 'card.preset' })} ?disabled=${off} @change=${(ev: Event) => this.send('set_preset', { preset: (ev.target as HTMLSelectElement).value })}>
              ${a.preset === undefined ? html`<option value="" selected disabled>${msg('Preset', { id: 'card.preset-placeholder' })}</option>` : nothing}
              ${presets.map((p) => html`<option value=${p} ?selected=${p === a.preset}>${presetName(p)}</option>`)}
            </select>`
          : nothing}
        ${typeof a.schedule === 'string' ? html`<a href=${scheduleEditorPath(a.schedule)} aria-label=${msg(str`${e.name} schedule`, { id: 'card.schedule-named' })}>${msg('Schedule', { id: 'card.schedule' })}</a>` : nothing}
      </div>
    </div>`;
  }
}
customElements.define('hearth-climate-card', HearthClimateCard);
