import { LitElement, css, html } from 'lit';
import type { LogbookEntry } from '../api/types.js';
import { formatTime } from '../lib/format.js';
import { describeEntry } from '../lib/logbook.js';
import { controls } from '../styles/theme.js';

/** Who or what changed what, newest first. */
export class HearthLogbookView extends LitElement {
  static override properties = { entries: { attribute: false }, error: { type: String }, compact: { type: Boolean } };
  static override styles = [
    controls,
    css`
      ol { list-style: none; margin: 0; padding: 0; }
      li { display: grid; grid-template-columns: 5.5rem 1fr; gap: 0.6rem; padding: 0.6rem 0.2rem; border-bottom: 1px solid var(--border); }
      time { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 0.88rem; }
    `,
  ];
  declare entries: LogbookEntry[] | undefined;
  declare error: string;
  declare compact: boolean;

  override render() {
    if (this.error) return html`<div class="error" role="alert">${this.error}</div>`;
    if (!this.entries) return html`<p class="muted">Loading…</p>`;
    if (this.entries.length === 0) return html`<p class="muted">Nothing happened yet.</p>`;
    return html`<ol class=${this.compact ? '' : 'panel'}>
      ${this.entries.map((e) => html`<li><time datetime=${e.time}>${formatTime(e.time)}</time><span>${describeEntry(e)}</span></li>`)}
    </ol>`;
  }
}
customElements.define('hearth-logbook-view', HearthLogbookView);
