import { LitElement, css, html, nothing } from 'lit';
import type { Action, AutomationDefinition, Condition, EntityState, Trigger } from '../api/index.js';
import { ACTION_KINDS, CONDITION_TYPES, TRIGGER_TYPES, emptyAction, emptyCondition, emptyTrigger, formEditable, slugify } from '../lib/automation-form.js';
import type { FieldError } from '../lib/yaml-errors.js';
import { controls } from '../styles/theme.js';

type Item = Trigger | Condition | Action;
type ListKey = 'triggers' | 'conditions' | 'actions';

/** The form for common triggers, conditions and actions; emits the whole definition on every edit. */
export class HearthDefinitionForm extends LitElement {
  static override properties = { definition: { attribute: false }, entities: { attribute: false }, errors: { attribute: false }, isNew: { type: Boolean } };
  static override styles = [
    controls,
    css`
      fieldset { border: 1px solid var(--border); border-radius: var(--radius-sm); padding: 0.8rem; margin: 0 0 1rem; display: grid; gap: 0.6rem; }
      legend { font-weight: 600; padding: 0 0.3rem; }
      .item { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; padding-bottom: 0.6rem; border-bottom: 1px dashed var(--border); }
      .item label { flex: 1 1 140px; }
      .invalid input, .invalid select { border-color: var(--danger); }
      .ferr { color: var(--danger); font-size: 0.8rem; }
      fieldset > button { justify-self: start; }
    `,
  ];
  declare definition: AutomationDefinition;
  declare entities: EntityState[];
  declare errors: FieldError[];
  declare isNew: boolean;

  private emit(def: AutomationDefinition) {
    this.dispatchEvent(new CustomEvent('hearth-definition', { detail: def }));
  }

  private patch(list: ListKey, index: number, item: Item | undefined) {
    const items = [...((this.definition[list] ?? []) as Item[])];
    if (item) items[index] = item;
    else items.splice(index, 1);
    this.emit({ ...this.definition, [list]: items });
  }

  private input(list: ListKey, i: number, item: Item, key: string, label: string, opts: { type?: string; entityList?: boolean } = {}) {
    const path = `${list}.${i}.${key}`;
    const err = this.errors.find((e) => e.path === path);
    const value = item[key];
    const set = (raw: string) => {
      const v = opts.type === 'number' ? (raw === '' ? undefined : Number(raw)) : raw;
      const next = { ...item, [key]: v };
      if (v === undefined) delete next[key];
      this.patch(list, i, next);
    };
    return html`<label class=${err ? 'invalid' : ''}>${label}
      <input type=${opts.type ?? 'text'} .value=${value === undefined ? '' : String(value)} list=${opts.entityList ? 'entity-ids' : ''}
        aria-invalid=${err ? 'true' : 'false'} @change=${(e: Event) => set((e.target as HTMLInputElement).value)} />
      ${err ? html`<span class="ferr">${err.message}</span>` : nothing}</label>`;
  }

  private typeSelect(list: ListKey, i: number, current: string, types: readonly string[], make: (t: string) => Item) {
    return html`<label>Type<select @change=${(e: Event) => this.patch(list, i, make((e.target as HTMLSelectElement).value))}>
      ${types.map((t) => html`<option value=${t} ?selected=${t === current}>${t.replace('_', ' ')}</option>`)}</select></label>`;
  }

  private trigger(t: Trigger, i: number) {
    if (!formEditable(t, 'trigger')) return html`<div class="item muted">${t.type} trigger — edit it in the YAML tab</div>`;
    return html`<div class="item">${this.typeSelect('triggers', i, t.type, TRIGGER_TYPES, emptyTrigger)}
      ${t.type === 'state' ? [this.input('triggers', i, t, 'entity', 'Entity', { entityList: true }), this.input('triggers', i, t, 'to', 'To'), this.input('triggers', i, t, 'for', 'For (e.g. 2m)')] : nothing}
      ${t.type === 'numeric_state' ? [this.input('triggers', i, t, 'entity', 'Entity', { entityList: true }), this.input('triggers', i, t, 'above', 'Above', { type: 'number' }), this.input('triggers', i, t, 'below', 'Below', { type: 'number' })] : nothing}
      ${t.type === 'time' ? this.input('triggers', i, t, 'at', 'At', { type: 'time' }) : nothing}
      ${t.type === 'sun' ? [this.input('triggers', i, t, 'event', 'sunrise / sunset'), this.input('triggers', i, t, 'offset', 'Offset')] : nothing}
      <button class="danger" aria-label="Remove trigger ${i + 1}" @click=${() => this.patch('triggers', i, undefined)}>Remove</button></div>`;
  }

  private condition(c: Condition, i: number) {
    if (!formEditable(c, 'condition')) return html`<div class="item muted">${c.type} condition — edit it in the YAML tab</div>`;
    return html`<div class="item">${this.typeSelect('conditions', i, c.type, CONDITION_TYPES, emptyCondition)}
      ${c.type === 'state' ? [this.input('conditions', i, c, 'entity', 'Entity', { entityList: true }), this.input('conditions', i, c, 'state', 'Is')] : nothing}
      ${c.type === 'numeric_state' ? [this.input('conditions', i, c, 'entity', 'Entity', { entityList: true }), this.input('conditions', i, c, 'above', 'Above', { type: 'number' }), this.input('conditions', i, c, 'below', 'Below', { type: 'number' })] : nothing}
      ${c.type === 'time' ? [this.input('conditions', i, c, 'after', 'After', { type: 'time' }), this.input('conditions', i, c, 'before', 'Before', { type: 'time' })] : nothing}
      <button class="danger" aria-label="Remove condition ${i + 1}" @click=${() => this.patch('conditions', i, undefined)}>Remove</button></div>`;
  }

  private action(a: Action, i: number) {
    if (!formEditable(a, 'action')) return html`<div class="item muted">${Object.keys(a)[0]} action — edit it in the YAML tab</div>`;
    const kind = 'delay' in a ? 'delay' : 'command';
    return html`<div class="item">${this.typeSelect('actions', i, kind, ACTION_KINDS, emptyAction)}
      ${kind === 'command' ? [this.input('actions', i, a, 'command', 'Command'), this.input('actions', i, a, 'entity', 'Entity', { entityList: true })] : this.input('actions', i, a, 'delay', 'Wait (e.g. 30s)')}
      <button class="danger" aria-label="Remove action ${i + 1}" @click=${() => this.patch('actions', i, undefined)}>Remove</button></div>`;
  }

  override render() {
    const d = this.definition;
    return html`<datalist id="entity-ids">${this.entities.map((e) => html`<option value=${e.id}>${e.name}</option>`)}</datalist>
      <fieldset><legend>About</legend><div class="item" style="border:0">
        <label>Name<input .value=${d.name ?? ''} required @change=${(e: Event) => {
          const name = (e.target as HTMLInputElement).value;
          this.emit({ ...d, name, ...(this.isNew && { id: slugify(name) }) });
        }} /></label>
        <label>Mode<select @change=${(e: Event) => this.emit({ ...d, mode: (e.target as HTMLSelectElement).value as AutomationDefinition['mode'] })}>
          ${['single', 'restart', 'queued', 'parallel'].map((m) => html`<option ?selected=${(d.mode ?? 'single') === m}>${m}</option>`)}</select></label>
      </div></fieldset>
      <fieldset><legend>When</legend>${d.triggers.map((t, i) => this.trigger(t, i))}
        <button @click=${() => this.emit({ ...d, triggers: [...d.triggers, emptyTrigger('state')] })}>Add trigger</button></fieldset>
      <fieldset><legend>Only if</legend>${(d.conditions ?? []).map((c, i) => this.condition(c, i))}
        <button @click=${() => this.emit({ ...d, conditions: [...(d.conditions ?? []), emptyCondition('state')] })}>Add condition</button></fieldset>
      <fieldset><legend>Then</legend>${d.actions.map((a, i) => this.action(a, i))}
        <button @click=${() => this.emit({ ...d, actions: [...d.actions, emptyAction('command')] })}>Add action</button></fieldset>`;
  }
}
customElements.define('hearth-definition-form', HearthDefinitionForm);
