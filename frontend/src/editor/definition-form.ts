import { LitElement, css, html, nothing } from 'lit';
import type { Action, AutomationDefinition, Condition, EntityState, Trigger } from '../api/index.js';
import { ACTION_KINDS, CONDITION_TYPES, TRIGGER_TYPES, emptyAction, emptyCondition, emptyTrigger, formEditable, slugify } from '../lib/automation-form.js';
import type { FieldError } from '../lib/yaml-errors.js';
import { controls } from '../styles/theme.js';
import { msg, str } from '../lib/i18n.js';

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
    return html`<label>${msg('Type', { id: 'form.type' })}<select @change=${(e: Event) => this.patch(list, i, make((e.target as HTMLSelectElement).value))}>
      ${types.map((t) => html`<option value=${t} ?selected=${t === current}>${kindName(t)}</option>`)}</select></label>`;
  }

  private trigger(t: Trigger, i: number) {
    if (!formEditable(t, 'trigger')) return html`<div class="item muted">${msg(str`${t.type} trigger — edit it in the YAML tab`, { id: 'form.trigger-yaml' })}</div>`;
    return html`<div class="item">${this.typeSelect('triggers', i, t.type, TRIGGER_TYPES, emptyTrigger)}
      ${t.type === 'state' ? [this.input('triggers', i, t, 'entity', msg('Entity', { id: 'form.entity' }), { entityList: true }), this.input('triggers', i, t, 'to', msg('To', { id: 'form.to' })), this.input('triggers', i, t, 'for', msg('For (e.g. 2m)', { id: 'form.for' }))] : nothing}
      ${t.type === 'numeric_state' ? [this.input('triggers', i, t, 'entity', msg('Entity', { id: 'form.entity' }), { entityList: true }), this.input('triggers', i, t, 'above', msg('Above', { id: 'form.above' }), { type: 'number' }), this.input('triggers', i, t, 'below', msg('Below', { id: 'form.below' }), { type: 'number' })] : nothing}
      ${t.type === 'time' ? this.input('triggers', i, t, 'at', msg('At', { id: 'form.at' }), { type: 'time' }) : nothing}
      ${t.type === 'sun' ? [this.input('triggers', i, t, 'event', msg('sunrise / sunset', { id: 'form.sun-event' })), this.input('triggers', i, t, 'offset', msg('Offset', { id: 'form.offset' }))] : nothing}
      <button class="danger" aria-label=${msg(str`Remove trigger ${i + 1}`, { id: 'form.remove-trigger' })} @click=${() => this.patch('triggers', i, undefined)}>${msg('Remove', { id: 'common.remove' })}</button></div>`;
  }

  private condition(c: Condition, i: number) {
    if (!formEditable(c, 'condition')) return html`<div class="item muted">${msg(str`${c.type} condition — edit it in the YAML tab`, { id: 'form.condition-yaml' })}</div>`;
    return html`<div class="item">${this.typeSelect('conditions', i, c.type, CONDITION_TYPES, emptyCondition)}
      ${c.type === 'state' ? [this.input('conditions', i, c, 'entity', msg('Entity', { id: 'form.entity' }), { entityList: true }), this.input('conditions', i, c, 'state', msg('Is', { id: 'form.is' }))] : nothing}
      ${c.type === 'numeric_state' ? [this.input('conditions', i, c, 'entity', msg('Entity', { id: 'form.entity' }), { entityList: true }), this.input('conditions', i, c, 'above', msg('Above', { id: 'form.above' }), { type: 'number' }), this.input('conditions', i, c, 'below', msg('Below', { id: 'form.below' }), { type: 'number' })] : nothing}
      ${c.type === 'time' ? [this.input('conditions', i, c, 'after', msg('After', { id: 'form.after' }), { type: 'time' }), this.input('conditions', i, c, 'before', msg('Before', { id: 'form.before' }), { type: 'time' })] : nothing}
      <button class="danger" aria-label=${msg(str`Remove condition ${i + 1}`, { id: 'form.remove-condition' })} @click=${() => this.patch('conditions', i, undefined)}>${msg('Remove', { id: 'common.remove' })}</button></div>`;
  }

  private action(a: Action, i: number) {
    if (!formEditable(a, 'action')) return html`<div class="item muted">${msg(str`${Object.keys(a)[0]} action — edit it in the YAML tab`, { id: 'form.action-yaml' })}</div>`;
    const kind = 'delay' in a ? 'delay' : 'command';
    return html`<div class="item">${this.typeSelect('actions', i, kind, ACTION_KINDS, emptyAction)}
      ${kind === 'command' ? [this.input('actions', i, a, 'command', msg('Command', { id: 'form.command' })), this.input('actions', i, a, 'entity', msg('Entity', { id: 'form.entity' }), { entityList: true })] : this.input('actions', i, a, 'delay', msg('Wait (e.g. 30s)', { id: 'form.wait' }))}
      <button class="danger" aria-label=${msg(str`Remove action ${i + 1}`, { id: 'form.remove-action' })} @click=${() => this.patch('actions', i, undefined)}>${msg('Remove', { id: 'common.remove' })}</button></div>`;
  }

  override render() {
    const d = this.definition;
    return html`<datalist id="entity-ids">${this.entities.map((e) => html`<option value=${e.id}>${e.name}</option>`)}</datalist>
      <fieldset><legend>${msg('About', { id: 'form.about' })}</legend><div class="item" style="border:0">
        <label>${msg('Name', { id: 'common.name' })}<input .value=${d.name ?? ''} required @change=${(e: Event) => {
          const name = (e.target as HTMLInputElement).value;
          this.emit({ ...d, name, ...(this.isNew && { id: slugify(name) }) });
        }} /></label>
        <label>${msg('Mode', { id: 'form.mode' })}<select @change=${(e: Event) => this.emit({ ...d, mode: (e.target as HTMLSelectElement).value as AutomationDefinition['mode'] })}>
          ${['single', 'restart', 'queued', 'parallel'].map((m) => html`<option ?selected=${(d.mode ?? 'single') === m}>${m}</option>`)}</select></label>
      </div></fieldset>
      <fieldset><legend>${msg('When', { id: 'form.when' })}</legend>${d.triggers.map((t, i) => this.trigger(t, i))}
        <button @click=${() => this.emit({ ...d, triggers: [...d.triggers, emptyTrigger('state')] })}>${msg('Add trigger', { id: 'form.add-trigger' })}</button></fieldset>
      <fieldset><legend>${msg('Only if', { id: 'form.only-if' })}</legend>${(d.conditions ?? []).map((c, i) => this.condition(c, i))}
        <button @click=${() => this.emit({ ...d, conditions: [...(d.conditions ?? []), emptyCondition('state')] })}>${msg('Add condition', { id: 'form.add-condition' })}</button></fieldset>
      <fieldset><legend>${msg('Then', { id: 'form.then' })}</legend>${d.actions.map((a, i) => this.action(a, i))}
        <button @click=${() => this.emit({ ...d, actions: [...d.actions, emptyAction('command')] })}>${msg('Add action', { id: 'form.add-action' })}</button></fieldset>`;
  }
}
/** A trigger, condition or action kind as the form's select names it. */
function kindName(kind: string): string {
  switch (kind) {
    case 'state': return msg('state', { id: 'form.kind-state' });
    case 'numeric_state': return msg('numeric state', { id: 'form.kind-numeric' });
    case 'time': return msg('time', { id: 'form.kind-time' });
    case 'sun': return msg('sun', { id: 'form.kind-sun' });
    case 'command': return msg('command', { id: 'form.kind-command' });
    case 'delay': return msg('delay', { id: 'form.kind-delay' });
    default: return kind.replace('_', ' ');
  }
}

customElements.define('hearth-definition-form', HearthDefinitionForm);
