import { html, nothing } from 'lit';
import type { EditRefusal } from '../lib/config-edit.js';
import { msg } from '../lib/i18n.js';

/** Why a config edit did not happen; a stale page (409) offers to read the file again rather than overwrite it. */
export function refusalNotice(r: EditRefusal | undefined, reload: () => void) {
  if (!r) return nothing;
  if (r.kind === 'stale')
    return html`<div class="error" role="alert">${msg('hearth.yaml changed on disk since this page read it.', { id: 'pluginconfig.stale' })}
      <button @click=${reload}>${msg('Reload', { id: 'pluginconfig.reload' })}</button></div>`;
  if (r.kind === 'read-only') return html`<div class="error" role="alert">${msg('The config file cannot be written here.', { id: 'pluginconfig.read-only' })}</div>`;
  return html`<div class="error" role="alert">${r.message}</div>`;
}

/** Shown instead of the edit buttons when the hub cannot write its config. */
export function readOnlyHint() {
  return html`<p class="muted" role="status">${msg('Read-only: this config file cannot be edited from the dashboard (copy it and start the hub on the copy).', { id: 'pluginconfig.readonly-hint' })}</p>`;
}
