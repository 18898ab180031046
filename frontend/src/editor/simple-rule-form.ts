import { LitElement, css, html, nothing } from 'lit';
import type { EntityState } from '../api/index.js';
import { checkSimpleRule, type SimpleRule } from '../lib/automation-form.js';
import { DAYS, type Day } from '../lib/schedule-grid.js';
import { weekdayName } from '../lib/format.js';
import { controls } from '../styles/theme.js';
import { msg } from '../lib/i18n.js';

/** "When <sensor> is above <value>, turn on <equipment>" — the rule most people want first. */
export class HearthSimpleRuleForm extends LitElement {
  static override properties = { entities: { attribute: false }, _errors: { state: true } };
  static override styles = [controls, css`form { display: grid; gap: 0.8rem; } .line { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; } .line label { flex: 1 1 150px; } .ferr { color: var(--danger); font-size: 0.8rem; } fieldset { border: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; } fieldset label { display: inline-flex; gap: 0.25rem; align-items: center; }`];
  declare entities: EntityState[];
  declare _errors: Partial<Record<keyof SimpleRule, string>>;

  constructor() {
    super();
    this.entities = [];
    this._errors = {};
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const brightness = f.get('brightness');
    const rule: SimpleRule = {
      name: String(f.get('name') ?? ''),
      sensor: String(f.get('sensor') ?? ''),
      operator: f.get('operator') === 'below' ? 'below' : 'above',
      value: f.get('value') === '' ? NaN : Number(f.get('value')),
      entity: String(f.get('entity') ?? ''),
      command: String(f.get('command') ?? ''),
      ...(brightness ? { brightness: Number(brightness) } : {}),
      weekdays: DAYS.filter((d): d is Day => f.getAll('weekdays').includes(d)),
    };
    this._errors = checkSimpleRule(rule);
    if (Object.keys(this._errors).length === 0) this.dispatchEvent(new CustomEvent('hearth-simple-rule', { detail: rule }));
  }

  private err(key: keyof SimpleRule) {
    return this._errors[key] ? html`<span class="ferr" role="alert">${this._errors[key]}</span>` : nothing;
  }

  override render() {
    const sensors = this.entities.filter((e) => e.domain === 'sensor');
    const equipment = this.entities.filter((e) => e.domain === 'light' || e.domain === 'switch' || e.domain === 'cover');
    return html`<form @submit=${this.submit} novalidate>
      <label>${msg('Name', { id: 'common.name' })}<input name="name" placeholder=${msg('Fan when it is hot', { id: 'rule.name-placeholder' })} />${this.err('name')}</label>
      <div class="line">
        <label>${msg('When', { id: 'form.when' })}<select name="sensor"><option value="">${msg('sensor…', { id: 'rule.sensor' })}</option>${sensors.map((s) => html`<option value=${s.id}>${s.name}</option>`)}</select>${this.err('sensor')}</label>
        <label>${msg('is', { id: 'rule.is' })}<select name="operator"><option value="above">${msg('above', { id: 'rule.above' })}</option><option value="below">${msg('below', { id: 'rule.below' })}</option></select></label>
        <label>${msg('Value', { id: 'rule.value' })}<input name="value" type="number" step="any" />${this.err('value')}</label>
      </div>
      <div class="line">
        <label>${msg('Then', { id: 'form.then' })}<select name="command"><option value="turn_on">${msg('turn on', { id: 'rule.turn-on' })}</option><option value="turn_off">${msg('turn off', { id: 'rule.turn-off' })}</option><option value="open">${msg('open', { id: 'rule.open' })}</option><option value="close">${msg('close', { id: 'rule.close' })}</option></select></label>
        <label>${msg('Equipment', { id: 'rule.equipment' })}<select name="entity"><option value="">${msg('choose…', { id: 'rule.choose' })}</option>${equipment.map((s) => html`<option value=${s.id}>${s.name}</option>`)}</select>${this.err('entity')}</label>
        <label>${msg('Brightness (optional)', { id: 'rule.brightness' })}<input name="brightness" type="number" min="1" max="100" /></label>
      </div>
      <fieldset><legend>${msg('Only on', { id: 'rule.only-on' })}</legend>
        ${DAYS.map((d) => html`<label><input type="checkbox" name="weekdays" value=${d} checked />${weekdayName(d)}</label>`)}
        ${this.err('weekdays')}
      </fieldset>
      <button class="primary" type="submit">${msg('Create rule', { id: 'rule.create' })}</button>
    </form>`;
  }
}
customElements.define('hearth-simple-rule-form', HearthSimpleRuleForm);
