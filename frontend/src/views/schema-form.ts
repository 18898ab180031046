import { LitElement, css, html, type TemplateResult } from 'lit';
import type { JsonSchema } from '../api/types.js';
import { schemaToFields, type FormField } from '../lib/schema-form.js';
import { controls } from '../styles/theme.js';

/** A plugin's config rendered from its JSON Schema; read-only because the config lives in YAML. */
export class HearthSchemaForm extends LitElement {
  static override properties = { schema: { attribute: false }, value: { attribute: false } };
  static override styles = [
    controls,
    css`
      fieldset { border: 1px solid var(--border); border-radius: var(--radius-sm); margin: 0.4rem 0; padding: 0.5rem 0.8rem; display: grid; gap: 0.5rem; }
      legend { font-weight: 600; padding: 0 0.3rem; }
      .desc { font-size: 0.8rem; }
      input[readonly], select:disabled { background: var(--surface-2); }
    `,
  ];
  declare schema: JsonSchema;
  declare value: unknown;

  private field(f: FormField): TemplateResult {
    const id = `f-${f.path || 'root'}`;
    const desc = f.description ? html`<span class="desc muted">${f.description}</span>` : '';
    switch (f.kind) {
      case 'object':
      case 'array':
        return html`<fieldset><legend>${f.label}</legend>${desc}${f.children?.length ? f.children.map((c) => this.field(c)) : html`<span class="muted">—</span>`}</fieldset>`;
      case 'boolean':
        return html`<label><span><input id=${id} type="checkbox" .checked=${Boolean(f.value)} disabled /> ${f.label}</span>${desc}</label>`;
      case 'enum':
        return html`<label>${f.label}<select id=${id} disabled>${f.options!.map((o) => html`<option ?selected=${o === f.value}>${String(o)}</option>`)}</select>${desc}</label>`;
      case 'json':
        return html`<label>${f.label}<input id=${id} readonly .value=${f.value === undefined ? '' : JSON.stringify(f.value)} />${desc}</label>`;
      default:
        return html`<label>${f.label}${f.required ? ' *' : ''}<input id=${id} readonly type=${f.kind === 'text' ? 'text' : 'number'} .value=${f.value === undefined ? '' : String(f.value)} />${desc}</label>`;
    }
  }

  override render() {
    return this.field(schemaToFields(this.schema, this.value));
  }
}
customElements.define('hearth-schema-form', HearthSchemaForm);
